# gradrepl-corpus: target=fc1.weight cause=numpy_roundtrip line=7 symptom=grad_none
import numpy as np
import torch
import torch.nn as nn

fc1, fc2 = nn.Linear(4, 8), nn.Linear(8, 1)
softplus = lambda t: torch.from_numpy(np.log1p(np.exp(t.detach().numpy())))
opt = torch.optim.SGD(list(fc1.parameters()) + list(fc2.parameters()), lr=0.1)

x, y = torch.randn(16, 4), torch.randn(16, 1)
for _ in range(3):
    opt.zero_grad()
    pred = fc2(softplus(fc1(x)))
    loss = ((pred - y) ** 2).mean()
    loss.backward()
    opt.step()
print(fc1.weight.grad, fc2.weight.grad is not None)
