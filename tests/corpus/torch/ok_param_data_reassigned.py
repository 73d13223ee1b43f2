# gradrepl-corpus: target=layer.weight cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
layer = nn.Linear(4, 4)
opt = torch.optim.SGD(layer.parameters(), lr=0.1)
# start from an orthogonal matrix
q, _ = torch.linalg.qr(torch.randn(4, 4))
layer.weight.data = q
x = torch.randn(6, 4)
for _ in range(2):
    opt.zero_grad()
    loss = (layer(x) - x).pow(2).mean()
    loss.backward()
    opt.step()
print(layer.weight.grad.norm())
