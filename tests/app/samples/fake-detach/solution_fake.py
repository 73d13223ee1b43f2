import fakegrad as fg

x = fg.tensor(3.0, requires_grad=True)
w = fg.tensor(2.0, requires_grad=True)
y = x
loss = y * w
loss.backward()
print("x.grad:", x.grad)
