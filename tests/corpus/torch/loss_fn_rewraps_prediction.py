# gradrepl-corpus: target=model[0].weight cause=rewrap_tensor_constructor line=7 symptom=grad_none
import torch
import torch.nn as nn


def weighted_mse(pred, target, weight):
    pred = torch.tensor(pred, dtype=torch.float32, requires_grad=True)
    return (weight * (pred - target) ** 2).mean()


model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
x, y, w = torch.randn(20, 4), torch.randn(20, 1), torch.rand(20, 1)
for _ in range(2):
    opt.zero_grad()
    loss = weighted_mse(model(x), y, w)
    loss.backward()
    opt.step()
print(model[0].weight.grad)
