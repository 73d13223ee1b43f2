# gradrepl-corpus: target=layer.weight cause=rewrap_tensor_constructor line=15 symptom=grad_none
import torch
import torch.nn as nn


class MaskedLinear(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(d_out, d_in) * 0.1)
        self.bias = nn.Parameter(torch.zeros(d_out))
        self.register_buffer("mask", (torch.rand(d_out, d_in) > 0.5).float())

    def forward(self, x):
        # apply the pruning mask before the matmul
        w = nn.Parameter(self.weight * self.mask)
        return x @ w.t() + self.bias


layer = MaskedLinear(6, 3)
opt = torch.optim.SGD(layer.parameters(), lr=0.1)
x, y = torch.randn(10, 6), torch.randn(10, 3)
for _ in range(2):
    opt.zero_grad()
    loss = ((layer(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
print(layer.weight.grad, layer.bias.grad is not None)
