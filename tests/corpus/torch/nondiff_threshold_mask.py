# gradrepl-corpus: target=gate cause=non_differentiable_op line=6 symptom=error
import torch

gate = torch.randn(6, requires_grad=True)
values = torch.randn(6)
mask = (torch.sigmoid(gate) > 0.5).float()
kept = mask * values
loss = (kept - 1.0).pow(2).sum()
loss.backward()
