"""Logistic regression by hand, starting from small random weights."""
import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(64, 5)
labels = (x[:, 0] - x[:, 1] > 0).float()

# scale first, then mark the result as the leaf autograd fills .grad on
w = (torch.randn(5) * 0.01).requires_grad_()
b = torch.zeros(1, requires_grad=True)


def loss_fn():
    return F.binary_cross_entropy_with_logits(x @ w + b, labels)


loss = loss_fn()
loss.backward()
print("w.grad:", w.grad)
print("b.grad:", b.grad)
