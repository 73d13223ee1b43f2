"""Weighted regression: weigh each sample's loss, then average."""
import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(8, 2)
y = x[:, :1] * 3.0 - x[:, 1:] + 0.5
sample_weight = torch.linspace(0.5, 1.5, 8)
model = nn.Linear(2, 1)

losses = []
for xi, yi, wi in zip(x, y, sample_weight):
    losses.append(wi * ((model(xi) - yi) ** 2).sum())
loss = torch.tensor(losses).mean()
loss.backward()
print("loss:", loss.item())
print("weight grad:", model.weight.grad)
