# gradrepl-corpus: target=w cause=none
# gradrepl-corpus: target=b cause=none
import numpy as np
import torch

rng = np.random.default_rng(0)
X = torch.from_numpy(rng.normal(size=(50, 2))).float()
y = torch.from_numpy(rng.normal(size=50)).float()
w = torch.zeros(2, requires_grad=True)
b = torch.zeros((), requires_grad=True)
history = []
for epoch in range(10):
    pred = X @ w + b
    loss = ((pred - y) ** 2).mean()
    history.append(loss.item())
    w.grad = None
    b.grad = None
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        b -= 0.1 * b.grad
print(np.round(history, 3))
