# gradrepl-corpus: target=layer.scale cause=frozen_parameter line=10 symptom=grad_none
import torch
import torch.nn as nn


class ScaledLinear(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.lin = nn.Linear(n, n)
        self.scale = nn.Parameter(torch.ones(n), requires_grad=False)

    def forward(self, x):
        return self.lin(x) * self.scale


layer = ScaledLinear(3)
opt = torch.optim.SGD(layer.parameters(), lr=0.1)
out = layer(torch.randn(2, 3)).sum()
out.backward()
opt.step()
print(layer.scale.grad)
