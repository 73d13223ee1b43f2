# gradrepl-corpus: target=trunk.weight cause=retain_graph line=12
import torch
import torch.nn as nn

torch.manual_seed(0)
trunk = nn.Linear(10, 8)
heads = nn.ModuleList([nn.Linear(8, 1) for _ in range(3)])
opt = torch.optim.SGD(list(trunk.parameters()) + list(heads.parameters()), lr=0.1)
x = torch.randn(16, 10)
ys = [torch.randn(16, 1) for _ in range(3)]

feats = torch.relu(trunk(x))
task_losses = [nn.functional.mse_loss(head(feats), y) for head, y in zip(heads, ys)]
opt.zero_grad()
for task_loss in task_losses:
    task_loss.backward()
opt.step()
