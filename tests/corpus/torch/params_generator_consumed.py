# gradrepl-corpus: target=model[0].weight cause=optimizer_wrong_params line=8 symptom=error
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(7, 7), nn.ReLU(), nn.Linear(7, 1))
params = model.parameters()
print("trainable:", sum(p.numel() for p in params if p.requires_grad))
optimizer = torch.optim.AdamW(params, lr=1e-3)
x = torch.randn(4, 7)
loss = model(x).pow(2).mean()
loss.backward()
optimizer.step()
