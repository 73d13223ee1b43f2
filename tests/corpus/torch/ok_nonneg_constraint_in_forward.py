# gradrepl-corpus: target=nmf.W cause=none
# gradrepl-corpus: target=nmf.H cause=none
import torch
import torch.nn as nn


class NMF(nn.Module):
    def __init__(self, n, m, k):
        super().__init__()
        self.W = nn.Parameter(torch.rand(n, k))
        self.H = nn.Parameter(torch.rand(k, m))

    def forward(self):
        self.W.data.clamp_(min=0)
        self.H.data.clamp_(min=0)
        return self.W @ self.H


torch.manual_seed(0)
V = torch.rand(8, 6)
nmf = NMF(8, 6, 3)
opt = torch.optim.Adam(nmf.parameters(), lr=0.05)
for _ in range(5):
    opt.zero_grad()
    loss = ((nmf() - V) ** 2).mean()
    loss.backward()
    opt.step()
