# gradrepl-corpus: target=model[0].weight cause=no_grad_context line=11 symptom=grad_none
import torch
from torch import nn

model = nn.Sequential(nn.Linear(10, 20), nn.Tanh(), nn.Linear(20, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(64, 10)
y = torch.randn(64, 1)

with torch.no_grad():
    out = model(x)

loss = nn.functional.mse_loss(out, y)
loss.requires_grad_(True)
loss.backward()
opt.step()
print(model[0].weight.grad)
