# gradrepl-corpus: target=params[0] cause=optimizer_wrong_params line=7 symptom=grad_none
import torch
import torch.nn as nn

model = nn.Linear(4, 2)
params = [p.detach().clone().requires_grad_(True) for p in model.parameters()]
optimizer = torch.optim.SGD(params, lr=0.1)

x = torch.randn(6, 4)
for _ in range(3):
    optimizer.zero_grad()
    loss = model(x).pow(2).mean()
    loss.backward()
    optimizer.step()
print(params[0].grad)
