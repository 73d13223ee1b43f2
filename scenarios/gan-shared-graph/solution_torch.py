"""One training step of a tiny GAN on 2-D points."""
import torch
from torch import nn

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2))
D = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1))
opt_g = torch.optim.Adam(G.parameters(), lr=1e-3)
opt_d = torch.optim.Adam(D.parameters(), lr=1e-3)
bce = nn.BCEWithLogitsLoss()
real = torch.randn(64, 2) * 0.5 + 2.0
ones, zeros = torch.ones(64, 1), torch.zeros(64, 1)

fake = G(torch.randn(64, 2))

opt_d.zero_grad()
# detach only here: the discriminator step must not push gradients into G
d_loss = bce(D(real), ones) + bce(D(fake.detach()), zeros)
d_loss.backward()
opt_d.step()

opt_g.zero_grad()
g_loss = bce(D(fake), ones)  # the generator step needs the path through fake to G
g_loss.backward()
opt_g.step()
print(f"d_loss {d_loss.item():.3f}  g_loss {g_loss.item():.3f}")
