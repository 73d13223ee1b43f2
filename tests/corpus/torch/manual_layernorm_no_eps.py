# gradrepl-corpus: target=lin.weight cause=nan_at_singularity line=14 symptom=grad_nan
import torch
import torch.nn as nn

torch.manual_seed(0)
lin = nn.Linear(4, 6, bias=False)
out = nn.Linear(6, 1)
x = torch.randn(5, 4)
x[1] = 0.0

h = lin(x)
mean = h.mean(-1, keepdim=True)
var = ((h - mean) ** 2).mean(-1, keepdim=True)
std = torch.sqrt(var)
normed = (h - mean) / std
loss = out(normed).pow(2).mean()
loss.backward()
print(lin.weight.grad)
