# gradrepl-corpus: target=enc_mu.weight cause=non_differentiable_op line=11 symptom=grad_zero
import torch
import torch.nn as nn

enc_mu = nn.Linear(6, 2)
enc_logvar = nn.Linear(6, 2)
dec = nn.Linear(2, 6)
x = torch.randn(10, 6)

mu, logvar = enc_mu(x), enc_logvar(x)
z = torch.normal(mu, torch.exp(0.5 * logvar))
recon = dec(z)
loss = ((recon - x) ** 2).mean()
loss.backward()
print(enc_mu.weight.grad.abs().max())
