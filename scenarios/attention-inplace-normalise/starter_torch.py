"""A single attention head written out by hand."""
import torch
from torch import nn

torch.manual_seed(0)
tokens = torch.randn(6, 8)
to_q, to_k, to_v = nn.Linear(8, 8), nn.Linear(8, 8), nn.Linear(8, 8)

q, k, v = to_q(tokens), to_k(tokens), to_v(tokens)
weights = torch.exp(q @ k.T / 8**0.5)
weights /= weights.sum(dim=-1, keepdim=True)
out = weights @ v
loss = out.pow(2).mean()
loss.backward()
print("query weight grad norm:", to_q.weight.grad.norm().item())
