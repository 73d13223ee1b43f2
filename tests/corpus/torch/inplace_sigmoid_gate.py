# gradrepl-corpus: target=w cause=inplace_saved_tensor line=7 symptom=error
import torch

w = torch.randn(5, requires_grad=True)
x = torch.randn(5)
gate = torch.sigmoid(w * x)
gate.mul_(2.0)
out = (gate * x).sum()
out.backward()
