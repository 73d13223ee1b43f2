# gradrepl-corpus: target=inputs cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(6, 12), nn.Tanh(), nn.Linear(12, 3))
model.eval()
for p in model.parameters():
    p.requires_grad_(False)

with torch.no_grad():
    baseline = model(torch.zeros(1, 6))
    inputs = torch.randn(2, 6)
    with torch.enable_grad():
        inputs.requires_grad_(True)
        out = model(inputs)
        out[:, 0].sum().backward()
saliency = inputs.grad.abs()
print(baseline, saliency)
