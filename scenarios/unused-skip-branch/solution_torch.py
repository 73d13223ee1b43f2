"""A small regressor with a linear skip connection beside its hidden layer."""
import torch
import torch.nn.functional as F
from torch import nn


class SkipNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
        self.skip = nn.Linear(4, 1)

    def forward(self, x):
        deep = self.body(x)
        shortcut = self.skip(x)
        return deep + shortcut  # the skip branch must reach the output to be trained


torch.manual_seed(0)
x = torch.randn(32, 4)
y = x @ torch.tensor([[1.0], [-1.0], [2.0], [0.0]])
model = SkipNet()


def loss_fn():
    return F.mse_loss(model(x), y)


loss = loss_fn()
loss.backward()
print("skip.weight.grad:", model.skip.weight.grad)
