# gradrepl-corpus: target=model[0].weight cause=inplace_saved_tensor line=5 symptom=error
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(5, 5), nn.Sigmoid(), nn.ReLU(inplace=True), nn.Linear(5, 1))
x = torch.randn(7, 5)
loss = model(x).mean()
loss.backward()
