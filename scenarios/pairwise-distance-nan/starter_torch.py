"""Spread points apart by maximising their mean pairwise distance."""
import torch

torch.manual_seed(0)
points = torch.randn(5, 2, requires_grad=True)

diff = points[:, None, :] - points[None, :, :]
dist = torch.sqrt((diff**2).sum(dim=-1))
loss = -dist.mean()
loss.backward()
print("loss:", loss.item())
print("points.grad:", points.grad)
