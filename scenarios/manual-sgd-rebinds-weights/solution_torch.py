"""Gradient descent by hand on a least-squares fit."""
import torch

torch.manual_seed(0)
x = torch.randn(50, 3)
y = x @ torch.tensor([1.0, -2.0, 0.5]) + 0.1 * torch.randn(50)
w = torch.zeros(3, requires_grad=True)
lr = 0.1


def loss_fn():
    return ((x @ w - y) ** 2).mean()


for step in range(20):
    loss = loss_fn()
    loss.backward()
    with torch.no_grad():  # update the same leaf in place, unrecorded
        w -= lr * w.grad
    w.grad = None
print("w:", w)

loss_fn().backward()  # the gradient at the final weights, for inspection
