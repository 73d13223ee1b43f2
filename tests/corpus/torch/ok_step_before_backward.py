# gradrepl-corpus: target=net.weight cause=none
import torch
import torch.nn as nn

net = nn.Linear(5, 2)
opt = torch.optim.SGD(net.parameters(), lr=0.1)
x, y = torch.randn(8, 5), torch.randn(8, 2)
for it in range(3):
    opt.zero_grad()
    loss = nn.functional.mse_loss(net(x), y)
    opt.step()  # steps with the gradient of the previous iteration (none at first): slow, not broken
    loss.backward()
print(net.weight.grad)
