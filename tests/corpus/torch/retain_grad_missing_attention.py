# gradrepl-corpus: target=attn cause=non_leaf_access line=7 symptom=grad_none
import torch

q = torch.randn(2, 4, 8, requires_grad=True)
k = torch.randn(2, 4, 8, requires_grad=True)
v = torch.randn(2, 4, 8)
attn = torch.softmax(q @ k.transpose(1, 2) / 8 ** 0.5, dim=-1)
out = attn @ v
out.sum().backward()
importance = attn.grad
print(importance)
