# gradrepl-corpus: target=hidden cause=non_leaf_access line=8 symptom=grad_none
import torch
import torch.nn as nn

torch.manual_seed(0)
enc, dec = nn.Linear(6, 3), nn.Linear(3, 6)
x = torch.randn(4, 6)
hidden = torch.tanh(enc(x))
loss = ((dec(hidden) - x) ** 2).mean()
loss.backward()
hidden.retain_grad()
print(hidden.grad)
