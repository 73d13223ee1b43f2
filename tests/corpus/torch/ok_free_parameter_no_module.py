# gradrepl-corpus: target=centers cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
points = torch.randn(40, 2)
centers = nn.Parameter(torch.randn(3, 2))
opt = torch.optim.Adam([centers], lr=0.1)
for _ in range(10):
    d = torch.cdist(points, centers)
    loss = d.min(dim=1).values.pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print(centers.grad)
