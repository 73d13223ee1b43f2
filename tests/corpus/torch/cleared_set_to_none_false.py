# gradrepl-corpus: target=mlp[2].weight cause=grads_cleared line=15 symptom=grad_zero
import torch
import torch.nn as nn

mlp = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
opt = torch.optim.Adam(mlp.parameters(), lr=1e-2)
data = torch.randn(32, 4)
target = data.sum(dim=1, keepdim=True)

for it in range(3):
    pred = mlp(data)
    loss = ((pred - target) ** 2).mean()
    loss.backward()
    opt.step()
    opt.zero_grad(set_to_none=False)

print(mlp[2].weight.grad)
