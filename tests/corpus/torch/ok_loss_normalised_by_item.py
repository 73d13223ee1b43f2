# gradrepl-corpus: target=net.weight cause=none
import torch
import torch.nn as nn

net = nn.Linear(4, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
x, y = torch.randn(16, 4), torch.randn(16, 2)
for _ in range(3):
    raw = ((net(x) - y) ** 2).sum()
    loss = raw / raw.item()  # scale-free loss: the divisor is a constant
    opt.zero_grad()
    loss.backward()
    opt.step()
print(net.weight.grad)
