# gradrepl-corpus: target=lin.weight cause=param_rebound line=8 symptom=error
import torch
import torch.nn as nn

lin = nn.Linear(3, 3)
with torch.no_grad():
    nn.init.orthogonal_(lin.weight)
lin.weight = lin.weight * 0.5
out = lin(torch.randn(2, 3)).sum()
out.backward()
