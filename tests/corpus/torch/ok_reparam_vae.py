# gradrepl-corpus: target=enc_mu.weight cause=none
# gradrepl-corpus: target=enc_logvar.weight cause=none
import torch
import torch.nn as nn

enc_mu = nn.Linear(6, 2)
enc_logvar = nn.Linear(6, 2)
dec = nn.Linear(2, 6)
x = torch.randn(10, 6)
mu, logvar = enc_mu(x), enc_logvar(x)
eps = torch.randn_like(mu)
z = mu + eps * torch.exp(0.5 * logvar)
kl = -0.5 * torch.mean(1 + logvar - mu ** 2 - logvar.exp())
loss = ((dec(z) - x) ** 2).mean() + kl
loss.backward()
