# gradrepl-corpus: target=norm.gamma cause=inplace_leaf line=11 symptom=error
import torch
import torch.nn as nn


class RMSNorm(nn.Module):
    def __init__(self, d, eps=1e-6):
        super().__init__()
        self.eps = eps
        self.gamma = nn.Parameter(torch.empty(d))
        self.gamma.fill_(1.0)

    def forward(self, x):
        rms = x.pow(2).mean(-1, keepdim=True).add(self.eps).rsqrt()
        return x * rms * self.gamma


norm = RMSNorm(8)
out = norm(torch.randn(4, 8))
out.sum().backward()
