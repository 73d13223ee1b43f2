# gradrepl-corpus: target=total cause=inplace_leaf line=10 symptom=error
import torch
import torch.nn as nn

model = nn.Linear(4, 1)
xs = torch.randn(6, 4)
ys = torch.randn(6, 1)
total = torch.zeros(1, requires_grad=True)
for i in range(6):
    total += (model(xs[i]) - ys[i]).pow(2)
total.backward()
