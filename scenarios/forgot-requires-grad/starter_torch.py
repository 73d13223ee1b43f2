"""Check the gradient of a line fit y = w * x + b before training it."""
import torch

x = torch.linspace(-1.0, 1.0, 5)
y = 3.0 * x + 0.5

w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1)

pred = w * x + b
loss = ((pred - y) ** 2).mean()
loss.backward()
print("dloss/dw:", w.grad)
print("dloss/db:", b.grad)
