# gradrepl-corpus: target=enc.weight cause=non_differentiable_op line=10 symptom=grad_none
import torch
import torch.nn as nn

enc = nn.Linear(6, 4)
dec = nn.Linear(2, 6)
x = torch.randn(10, 6)
mu, log_std = enc(x).chunk(2, dim=1)
q = torch.distributions.Normal(mu, log_std.exp())
z = q.sample()
loss = ((dec(z) - x) ** 2).mean()
loss.backward()
print(enc.weight.grad)
