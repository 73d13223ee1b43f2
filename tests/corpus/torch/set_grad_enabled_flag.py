# gradrepl-corpus: target=net[0].weight cause=no_grad_context line=11 symptom=error
import torch
import torch.nn as nn

net = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.1)


def run_epoch(data, target, train):
    with torch.set_grad_enabled(not train):
        pred = net(data)
        loss = ((pred - target) ** 2).mean()
    if train:
        opt.zero_grad()
        loss.backward()
        opt.step()
    return loss.item()


run_epoch(torch.randn(16, 3), torch.randn(16, 1), train=True)
