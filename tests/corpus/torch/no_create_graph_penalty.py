# gradrepl-corpus: target=critic[0].weight cause=no_create_graph line=8 symptom=error
import torch
import torch.nn as nn

critic = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1))
points = torch.randn(10, 2, requires_grad=True)
score = critic(points)
grad = torch.autograd.grad(score.sum(), points)[0]
penalty = ((grad.norm(dim=1) - 1) ** 2).mean()
penalty.backward()
