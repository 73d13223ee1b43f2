# gradrepl-corpus: target=D[0].weight cause=frozen_parameter line=21 symptom=error
import torch
import torch.nn as nn

torch.manual_seed(0)
G = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
D = nn.Sequential(nn.Linear(2, 16), nn.LeakyReLU(0.2), nn.Linear(16, 1))
opt_G, opt_D = torch.optim.Adam(G.parameters(), 1e-3), torch.optim.Adam(D.parameters(), 1e-3)
bce = nn.BCEWithLogitsLoss()


def set_requires_grad(net, flag):
    for p in net.parameters():
        p.requires_grad = flag


for step in range(2):
    z, real = torch.randn(8, 4), torch.randn(8, 2) + 2
    fake = G(z)
    # generator step: D is only a critic here
    set_requires_grad(D, False)
    opt_G.zero_grad()
    bce(D(fake), torch.ones(8, 1)).backward()
    opt_G.step()
    # discriminator step
    opt_D.zero_grad()
    d_loss = bce(D(real), torch.ones(8, 1)) + bce(D(fake.detach()), torch.zeros(8, 1))
    d_loss.backward()
    opt_D.step()
