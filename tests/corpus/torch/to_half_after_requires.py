# gradrepl-corpus: target=bias cause=param_rebound line=6 symptom=grad_none
import torch

bias = torch.zeros(4, requires_grad=True)
feats = torch.randn(2, 4, dtype=torch.float64)
bias = bias.to(feats.dtype)
out = (feats + bias).sum()
out.backward()
print(bias.grad)
