"""Fit weights that will be stored on a 0.25 grid (quantisation-aware fitting)."""
import torch

torch.manual_seed(0)
x = torch.randn(32, 4)
y = x @ torch.tensor([0.5, -1.25, 2.0, 0.75])
w = torch.randn(4, requires_grad=True)

# straight-through estimator: the forward pass uses the rounded value,
# the backward pass treats the rounding as the identity
w_q = w + (torch.round(w * 4) / 4 - w).detach()
loss = ((x @ w_q - y) ** 2).mean()
loss.backward()
print("w.grad:", w.grad)
