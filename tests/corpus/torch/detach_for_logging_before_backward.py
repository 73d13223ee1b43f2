# gradrepl-corpus: target=net[0].weight cause=detach line=16 symptom=error
import torch
import torch.nn as nn

net = nn.Sequential(nn.Linear(3, 10), nn.Tanh(), nn.Linear(10, 1))
opt = torch.optim.Adam(net.parameters(), lr=1e-2)
history = []

x = torch.randn(32, 3)
y = x.sum(1, keepdim=True)
for step in range(3):
    opt.zero_grad()
    pred = net(x)
    loss = nn.functional.mse_loss(pred, y)
    # keep the history small: no graph in the list
    loss = loss.detach()
    history.append(loss)
    loss.backward()
    opt.step()
