import fakegrad as fg

x = fg.tensor(1.5, requires_grad=True)
w = fg.tensor(2.0, requires_grad=True)
with fg.no_grad():
    h = x * w
loss = h * h + w
loss.backward()
