# gradrepl-corpus: target=attn cause=none
# gradrepl-corpus: target=q cause=none
import torch

q = torch.randn(2, 4, 8, requires_grad=True)
k = torch.randn(2, 4, 8)
attn = torch.softmax(q @ k.transpose(1, 2), dim=-1)
attn.retain_grad()
(attn @ torch.randn(2, 4, 8)).sum().backward()
print(attn.grad.shape, q.grad.norm())
