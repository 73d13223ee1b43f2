"""Penalise constraint violations: a squared penalty and a gentler square-root one."""
import torch

# how far each of four constraints is violated (<= 0 means satisfied)
a = torch.tensor([-1.0, 0.0, 0.5, 2.0], requires_grad=True)
b = torch.tensor([-1.0, 0.0, 0.5, 2.0], requires_grad=True)

squared = torch.where(a > 0, a**2, 0.0)
rooted = torch.where(b > 0, b**0.5, 0.0)
loss = squared.sum() + rooted.sum()
loss.backward()
print("a.grad:", a.grad)
print("b.grad:", b.grad)
