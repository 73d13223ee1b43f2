# gradrepl-corpus: target=vals cause=non_differentiable_op line=5 symptom=error
import torch

vals = torch.tensor([3.0, 1.0, 3.0, 2.0], requires_grad=True)
uniq = torch.unique(vals)
loss = (uniq ** 2).sum()
loss.backward()
