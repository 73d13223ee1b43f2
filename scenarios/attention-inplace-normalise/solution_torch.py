"""A single attention head written out by hand."""
import torch
from torch import nn

torch.manual_seed(0)
tokens = torch.randn(6, 8)
to_q, to_k, to_v = nn.Linear(8, 8), nn.Linear(8, 8), nn.Linear(8, 8)


def loss_fn():
    q, k, v = to_q(tokens), to_k(tokens), to_v(tokens)
    weights = torch.exp(q @ k.T / 8**0.5)
    # out of place: exp saved its output for the backward pass, so leave it unchanged
    weights = weights / weights.sum(dim=-1, keepdim=True)
    return (weights @ v).pow(2).mean()


loss = loss_fn()
loss.backward()
print("query weight grad norm:", to_q.weight.grad.norm().item())
