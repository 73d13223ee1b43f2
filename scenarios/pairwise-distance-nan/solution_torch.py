"""Spread points apart by maximising their mean pairwise distance."""
import torch

torch.manual_seed(0)
points = torch.randn(5, 2, requires_grad=True)
# only pairs i < j: a point's distance to itself is 0, where sqrt has an infinite slope
i, j = torch.triu_indices(5, 5, offset=1)


def loss_fn():
    diff = points[i] - points[j]
    dist = torch.sqrt((diff**2).sum(dim=-1))
    return -dist.sum() / 25  # the same mean over all 25 pairs (the diagonal adds 0)


loss = loss_fn()
loss.backward()
print("loss:", loss.item())
print("points.grad:", points.grad)
