# gradrepl-corpus: target=trunk.weight cause=none
import torch
import torch.nn as nn

trunk = nn.Linear(8, 8)
head_a = nn.Linear(8, 1)
head_b = nn.Linear(8, 1)
x = torch.randn(5, 8)
h = torch.tanh(trunk(x))
head_a(h).mean().backward(retain_graph=True)
head_b(h).pow(2).mean().backward()
print(trunk.weight.grad.norm())
