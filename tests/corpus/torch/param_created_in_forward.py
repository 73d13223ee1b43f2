# gradrepl-corpus: target=opt.param_groups[0]['params'][0] cause=optimizer_wrong_params line=12 symptom=grad_none
import torch
import torch.nn as nn


class Scale(nn.Module):
    def __init__(self):
        super().__init__()
        self.alpha = nn.Parameter(torch.ones(1))

    def forward(self, x):
        self.alpha = nn.Parameter(torch.ones(1))
        return x * self.alpha


layer = Scale()
opt = torch.optim.SGD(layer.parameters(), lr=0.1)
for _ in range(2):
    opt.zero_grad()
    layer(torch.randn(5)).sum().backward()
    opt.step()
