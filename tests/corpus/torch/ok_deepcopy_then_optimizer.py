# gradrepl-corpus: target=student cause=none
import copy

import torch
import torch.nn as nn

torch.manual_seed(0)
pretrained = nn.Sequential(nn.Linear(5, 10), nn.Tanh(), nn.Linear(10, 2))
student = copy.deepcopy(pretrained)
for p in pretrained.parameters():
    p.requires_grad_(False)
opt = torch.optim.SGD(student.parameters(), lr=0.05)
x = torch.randn(12, 5)
for _ in range(3):
    opt.zero_grad()
    drift = sum(((a - b) ** 2).sum() for a, b in zip(student.parameters(), pretrained.parameters()))
    loss = nn.functional.cross_entropy(student(x), torch.randint(0, 2, (12,))) + 1e-3 * drift
    loss.backward()
    opt.step()
