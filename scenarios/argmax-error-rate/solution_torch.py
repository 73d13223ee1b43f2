"""Train a classifier by minimising its error rate directly."""
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(64, 4)
y = (x[:, 0] + x[:, 1] > 0).long() + (x[:, 2] > 1).long()
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))


def loss_fn():
    # cross-entropy is a smooth stand-in for the error rate; argmax has no slope
    return F.cross_entropy(model(x), y)


loss = loss_fn()
loss.backward()
error_rate = (model(x).argmax(dim=1) != y).float().mean()  # still worth reporting
print("error rate:", error_rate.item())
print("first layer grad norm:", model[0].weight.grad.norm().item())
