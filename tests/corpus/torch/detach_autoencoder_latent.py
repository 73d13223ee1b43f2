# gradrepl-corpus: target=enc.weight cause=detach line=14 symptom=grad_none
# gradrepl-corpus: target=dec.weight cause=none
import torch
import torch.nn as nn

enc = nn.Linear(8, 3)
dec = nn.Linear(3, 8)
opt = torch.optim.Adam(list(enc.parameters()) + list(dec.parameters()), lr=1e-3)

x = torch.randn(16, 8)
for step in range(3):
    opt.zero_grad()
    z = enc(x)
    z_hat = z.detach()
    x_hat = dec(z_hat)
    loss = ((x_hat - x) ** 2).mean()
    loss.backward()
    opt.step()

print("encoder grad:", enc.weight.grad)
