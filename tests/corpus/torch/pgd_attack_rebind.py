# gradrepl-corpus: target=x_adv cause=param_rebound line=14 symptom=error
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(10, 10), nn.ReLU(), nn.Linear(10, 2))
x = torch.rand(4, 10)
y = torch.tensor([0, 1, 1, 0])
eps, alpha = 0.1, 0.02

x_adv = x.clone().requires_grad_(True)
for _ in range(5):
    loss = nn.functional.cross_entropy(model(x_adv), y)
    loss.backward()
    x_adv = x_adv + alpha * x_adv.grad.sign()
    x_adv = torch.min(torch.max(x_adv, x - eps), x + eps)
