# gradrepl-corpus: target=optimizer.param_groups[0]['params'][0] cause=optimizer_wrong_params line=7 symptom=grad_none
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(5, 3))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
model[0] = nn.Linear(5, 3)
x = torch.randn(4, 5)
optimizer.zero_grad()
model(x).sum().backward()
optimizer.step()
