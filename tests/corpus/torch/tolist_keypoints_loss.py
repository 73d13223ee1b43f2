# gradrepl-corpus: target=net.weight cause=numpy_roundtrip line=10 symptom=error
import torch
import torch.nn as nn

net = nn.Linear(16, 4)
feats = torch.randn(2, 16)
gt = [[0.1, 0.2, 0.3, 0.4], [0.5, 0.6, 0.7, 0.8]]

pred = net(feats)
coords = pred.tolist()
errors = [sum((p - g) ** 2 for p, g in zip(ps, gs)) for ps, gs in zip(coords, gt)]
loss = torch.tensor(errors).mean()
loss.backward()
