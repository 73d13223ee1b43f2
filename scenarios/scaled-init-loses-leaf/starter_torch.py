"""Logistic regression by hand, starting from small random weights."""
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(64, 5)
labels = (x[:, 0] - x[:, 1] > 0).float()

w = torch.randn(5, requires_grad=True) * 0.01
b = torch.zeros(1, requires_grad=True)

logits = x @ w + b
loss = F.binary_cross_entropy_with_logits(logits, labels)
loss.backward()
print("w.grad:", w.grad)
print("b.grad:", b.grad)
