"""Calibrate a linear classifier with a learnable temperature."""
import torch
import torch.nn.functional as F
from torch import nn


class ScaledClassifier(nn.Module):
    def __init__(self, learn_temperature=False):
        super().__init__()
        self.fc = nn.Linear(4, 3)
        self.temperature = nn.Parameter(torch.ones(1), requires_grad=learn_temperature)

    def forward(self, x):
        return self.fc(x) / self.temperature


torch.manual_seed(0)
x = torch.randn(32, 4)
y = torch.randint(0, 3, (32,))
model = ScaledClassifier(learn_temperature=True)  # the default freezes it


def loss_fn():
    return F.cross_entropy(model(x), y)


loss = loss_fn()
loss.backward()
print("temperature grad:", model.temperature.grad)
