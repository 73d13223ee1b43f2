# gradrepl-corpus: target=scores cause=inplace_saved_tensor line=8 symptom=error
import torch

scores = torch.randn(4, 6, requires_grad=True)
weights = torch.exp(scores)
pad = torch.zeros(4, 6, dtype=torch.bool)
pad[:, 4:] = True
weights[pad] = 0.0
attn = weights / weights.sum(dim=1, keepdim=True)
attn.sum().backward()
