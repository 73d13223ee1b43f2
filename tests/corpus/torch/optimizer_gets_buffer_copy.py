# gradrepl-corpus: target=opt.param_groups[0]['params'][0] cause=optimizer_wrong_params line=7 symptom=grad_none
import torch
import torch.nn as nn

net = nn.Linear(3, 1)
init_w = net.weight.detach().clone().requires_grad_()
opt = torch.optim.Adam([init_w, net.bias], lr=1e-2)
x, y = torch.randn(10, 3), torch.randn(10, 1)
for _ in range(3):
    opt.zero_grad()
    ((net(x) - y) ** 2).mean().backward()
    opt.step()
