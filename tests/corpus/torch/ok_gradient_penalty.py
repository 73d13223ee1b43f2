# gradrepl-corpus: target=critic[0].weight cause=none
import torch
import torch.nn as nn

critic = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1))
real = torch.randn(10, 2)
fake = torch.randn(10, 2)
alpha = torch.rand(10, 1)
mix = (alpha * real + (1 - alpha) * fake).requires_grad_(True)
score = critic(mix)
grad = torch.autograd.grad(score.sum(), mix, create_graph=True)[0]
penalty = ((grad.norm(dim=1) - 1) ** 2).mean()
loss = critic(fake).mean() - critic(real).mean() + 10 * penalty
loss.backward()
