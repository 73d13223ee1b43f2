"""Train a regressor with a robust loss: squared errors clipped at 4."""
import numpy as np
import torch
from torch import nn


def clipped_mse(pred, target, limit=4.0):
    err = pred.detach().numpy() - target.numpy()
    return torch.from_numpy(np.clip(err**2, 0.0, limit)).mean()


torch.manual_seed(0)
x = torch.randn(128, 3)
y = x @ torch.tensor([[2.0], [-1.0], [0.5]]) + 0.3 * torch.randn(128, 1)
y[:8] += 20.0  # a few outliers the clipping should tame
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.05)

for epoch in range(3):
    opt.zero_grad()
    loss = clipped_mse(model(x), y)
    loss.backward()
    opt.step()
    print(epoch, loss.item())
