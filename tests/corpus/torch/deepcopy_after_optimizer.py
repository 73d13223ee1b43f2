# gradrepl-corpus: target=opt.param_groups[0]['params'][0] cause=optimizer_wrong_params line=16 symptom=grad_none
import copy

import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1))
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
x, y = torch.randn(64, 8), torch.randn(64, 1)

best_loss = float("inf")
for epoch in range(3):
    if epoch == 1:
        # restart from the best snapshot
        net = copy.deepcopy(best_net)
    opt.zero_grad()
    loss = nn.functional.mse_loss(net(x), y)
    loss.backward()
    opt.step()
    if loss.item() < best_loss:
        best_loss = loss.item()
        best_net = copy.deepcopy(net)
print(opt.param_groups[0]["params"][0].grad)
