# gradrepl-corpus: target=blocks cause=none
import torch
import torch.nn as nn
from torch.utils.checkpoint import checkpoint

torch.manual_seed(0)
blocks = nn.ModuleList([nn.Sequential(nn.Linear(12, 12), nn.SiLU()) for _ in range(3)])
head = nn.Linear(12, 1)
opt = torch.optim.SGD(list(blocks.parameters()) + list(head.parameters()), lr=0.01)

x = torch.randn(6, 12)
h = x
for block in blocks:
    h = checkpoint(block, h, use_reentrant=False)
loss = head(h).pow(2).mean()
opt.zero_grad()
loss.backward()
opt.step()
