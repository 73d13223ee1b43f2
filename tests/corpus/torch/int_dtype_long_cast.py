# gradrepl-corpus: target=offsets cause=int_dtype line=8 symptom=grad_none
import torch

table = torch.randn(10, 4)
offsets = torch.rand(5, requires_grad=True)
w = torch.randn(4, requires_grad=True)

idx = (offsets * 9).long()
rows = table[idx]
score = (rows @ w).sum() + offsets.detach().sum()
score.backward()
print(offsets.grad, w.grad)
