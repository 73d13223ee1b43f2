# gradrepl-corpus: target=gen.weight cause=grads_cleared line=13 symptom=grad_none
import torch
import torch.nn as nn

gen = nn.Linear(4, 2)
disc = nn.Linear(2, 1)
opt_g = torch.optim.Adam(gen.parameters(), lr=1e-3)
z = torch.randn(8, 4)

fake = gen(z)
g_loss = -disc(fake).mean()
g_loss.backward()
opt_g.zero_grad()
opt_g.step()
print(gen.weight.grad)
