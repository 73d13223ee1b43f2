# gradrepl-corpus: target=weights cause=inplace_leaf line=5 symptom=error
import torch

weights = torch.zeros(4, requires_grad=True)
weights[0] = 1.0
out = (weights * torch.arange(4.0)).sum()
out.backward()
