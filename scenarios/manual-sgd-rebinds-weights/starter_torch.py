"""Gradient descent by hand on a least-squares fit."""
import torch

torch.manual_seed(0)
x = torch.randn(50, 3)
y = x @ torch.tensor([1.0, -2.0, 0.5]) + 0.1 * torch.randn(50)
w = torch.zeros(3, requires_grad=True)
lr = 0.1

for step in range(20):
    loss = ((x @ w - y) ** 2).mean()
    loss.backward()
    w = w - lr * w.grad
print("w:", w)
