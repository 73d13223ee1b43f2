# gradrepl-corpus: target=direction cause=inplace_leaf line=5 symptom=error
import torch

direction = torch.randn(3, requires_grad=True)
direction /= direction.norm()
target = torch.tensor([0.0, 0.0, 1.0])
loss = 1 - (direction * target).sum()
loss.backward()
