# gradrepl-corpus: target=G[0].weight cause=retain_graph line=21 symptom=error
import torch
import torch.nn as nn

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 2))
D = nn.Sequential(nn.Linear(2, 32), nn.LeakyReLU(0.2), nn.Linear(32, 1))
opt_G = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
opt_D = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
bce = nn.BCEWithLogitsLoss()

for step in range(2):
    real = torch.randn(16, 2) * 0.5 + 2
    z = torch.randn(16, 8)
    fake = G(z)
    ones, zeros = torch.ones(16, 1), torch.zeros(16, 1)

    # discriminator step
    opt_D.zero_grad()
    loss_D = bce(D(real), ones) + bce(D(fake), zeros)
    loss_D.backward()
    opt_D.step()

    # generator step
    opt_G.zero_grad()
    loss_G = bce(D(fake), ones)
    loss_G.backward()
    opt_G.step()
