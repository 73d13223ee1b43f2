# gradrepl-corpus: target=trunk.weight cause=retain_graph line=14 symptom=error
import torch
import torch.nn as nn

trunk = nn.Linear(8, 8)
head_a = nn.Linear(8, 1)
head_b = nn.Linear(8, 1)
x = torch.randn(5, 8)
opt = torch.optim.SGD(list(trunk.parameters()) + list(head_a.parameters()) + list(head_b.parameters()), lr=0.1)

h = torch.tanh(trunk(x))
loss_a = head_a(h).mean()
loss_b = head_b(h).pow(2).mean()
loss_a.backward()
opt.step()
opt.zero_grad()
loss_b.backward()
