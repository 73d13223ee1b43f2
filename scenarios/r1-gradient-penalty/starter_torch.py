"""Lazy R1 regularisation of a GAN discriminator: penalise its slope at real data."""
import torch
from torch import nn

torch.manual_seed(0)
D = nn.Sequential(nn.Linear(2, 32), nn.LeakyReLU(0.2), nn.Linear(32, 1))
opt_d = torch.optim.Adam(D.parameters(), lr=1e-3)
gamma = 10.0

real = (torch.randn(64, 2) * 0.5 + 2.0).requires_grad_()
scores = D(real)
(slope,) = torch.autograd.grad(scores.sum(), real)
r1 = 0.5 * gamma * slope.pow(2).sum(dim=1).mean()

opt_d.zero_grad()
r1.backward()
opt_d.step()
print("R1 penalty:", r1.item())
