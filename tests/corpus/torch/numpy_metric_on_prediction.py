# gradrepl-corpus: target=model.weight cause=numpy_roundtrip line=14 symptom=error
import numpy as np
import torch
import torch.nn as nn

model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.01)
x = torch.randn(25, 3)
y = np.random.default_rng(0).normal(size=(25, 1)).astype(np.float32)

for epoch in range(2):
    opt.zero_grad()
    pred = model(x)
    residual = pred.numpy() - y
    loss = torch.from_numpy(np.abs(residual)).mean()
    loss.backward()
    opt.step()
