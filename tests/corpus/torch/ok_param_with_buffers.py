# gradrepl-corpus: target=norm cause=none
import torch
import torch.nn as nn

norm = nn.BatchNorm1d(4)
lin = nn.Linear(4, 4)
opt = torch.optim.SGD(list(norm.parameters()) + list(lin.parameters()), lr=0.1)
for _ in range(2):
    out = lin(norm(torch.randn(8, 4)))
    opt.zero_grad()
    out.pow(2).mean().backward()
    opt.step()
print(norm.running_mean)
