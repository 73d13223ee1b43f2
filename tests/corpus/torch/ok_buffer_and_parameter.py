# gradrepl-corpus: target=norm.scale cause=none
# gradrepl-corpus: target=norm.shift cause=none
import torch
import torch.nn as nn


class RunningNorm(nn.Module):
    def __init__(self, d, momentum=0.1):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(d))
        self.shift = nn.Parameter(torch.zeros(d))
        self.register_buffer("mean", torch.zeros(d))
        self.momentum = momentum

    def forward(self, x):
        if self.training:
            with torch.no_grad():
                self.mean.mul_(1 - self.momentum).add_(self.momentum * x.mean(0))
        return (x - self.mean) * self.scale + self.shift


norm = RunningNorm(4)
opt = torch.optim.SGD(norm.parameters(), lr=0.1)
for _ in range(3):
    x = torch.randn(16, 4) * 3 + 1
    loss = norm(x).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print(norm.scale.grad, norm.mean)
