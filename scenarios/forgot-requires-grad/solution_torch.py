"""Check the gradient of a line fit y = w * x + b before training it."""
import torch

x = torch.linspace(-1.0, 1.0, 5)
y = 3.0 * x + 0.5

w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)  # every tensor you want a gradient for asks for one


def loss_fn():
    return ((w * x + b - y) ** 2).mean()


loss = loss_fn()
loss.backward()
print("dloss/dw:", w.grad)
print("dloss/db:", b.grad)
