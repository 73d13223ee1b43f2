"""Train a classifier by minimising its error rate directly."""
import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(64, 4)
y = (x[:, 0] + x[:, 1] > 0).long() + (x[:, 2] > 1).long()
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))

logits = model(x)
predictions = logits.argmax(dim=1)
loss = (predictions != y).float().mean()
loss.backward()
print("error rate:", loss.item())
print("first layer grad norm:", model[0].weight.grad.norm().item())
