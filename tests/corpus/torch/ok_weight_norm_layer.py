# gradrepl-corpus: target=layer cause=none
import torch
import torch.nn as nn
from torch.nn.utils.parametrizations import weight_norm

torch.manual_seed(0)
layer = weight_norm(nn.Linear(6, 3))
opt = torch.optim.SGD(layer.parameters(), lr=0.1)
x = torch.randn(5, 6)
loss = layer(x).pow(2).mean()
opt.zero_grad()
loss.backward()
opt.step()
print([name for name, _ in layer.named_parameters()])
