# gradrepl-corpus: target=mlp cause=none
import torch
import torch.nn as nn

mlp = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1))
opt = torch.optim.Adam(mlp.parameters(), lr=1e-2)
pts = torch.randn(30, 2)
labels = (pts[:, 0] * pts[:, 1] > 0).float().unsqueeze(1)

torch.no_grad()  # a no-op: the context manager is never entered
for _ in range(5):
    opt.zero_grad()
    loss = nn.functional.binary_cross_entropy_with_logits(mlp(pts), labels)
    loss.backward()
    opt.step()
