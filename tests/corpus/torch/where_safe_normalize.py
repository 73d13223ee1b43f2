# gradrepl-corpus: target=proj.weight cause=where_nan line=12 symptom=grad_nan
import torch
import torch.nn as nn

torch.manual_seed(0)
proj = nn.Linear(4, 3, bias=False)
x = torch.randn(5, 4)
x[2] = 0.0

v = proj(x)
n = v.norm(dim=1, keepdim=True)
unit = torch.where(n > 0, v / n, torch.zeros_like(v))
target = torch.nn.functional.normalize(torch.randn(5, 3), dim=1)
loss = (1 - (unit * target).sum(1)).mean()
loss.backward()
print(proj.weight.grad)
