# gradrepl-corpus: target=base cause=detach line=6 symptom=grad_none
import torch

base = torch.randn(4, requires_grad=True)
offsets = torch.randn(4)
copy = base.clone().detach()
shifted = copy + offsets
shifted.requires_grad_(True)
loss = (shifted ** 2).sum()
loss.backward()
print(base.grad, shifted.grad is not None)
