# gradrepl-corpus: target=vae.logvar.weight cause=numpy_roundtrip line=31 symptom=grad_none
# gradrepl-corpus: target=vae.dec.weight cause=none
import torch
import torch.nn as nn
import torch.nn.functional as F


class VAE(nn.Module):
    def __init__(self, d=12, z=3):
        super().__init__()
        self.enc = nn.Linear(d, 16)
        self.mu = nn.Linear(16, z)
        self.logvar = nn.Linear(16, z)
        self.dec = nn.Linear(z, d)

    def forward(self, x):
        h = F.relu(self.enc(x))
        mu, logvar = self.mu(h), self.logvar(h)
        z = mu
        return self.dec(z), mu, logvar


torch.manual_seed(0)
vae = VAE()
opt = torch.optim.Adam(vae.parameters(), lr=1e-3)
data = torch.randn(32, 12)
for step in range(3):
    recon, mu, logvar = vae(data)
    recon_loss = F.mse_loss(recon, data)
    kl = -0.5 * torch.mean(1 + logvar - mu.pow(2) - logvar.exp())
    loss = recon_loss + 0.1 * kl.item()
    opt.zero_grad()
    loss.backward()
    opt.step()
print(vae.logvar.weight.grad)
