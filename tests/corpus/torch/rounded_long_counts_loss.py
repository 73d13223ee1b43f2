# gradrepl-corpus: target=counter.weight cause=int_dtype line=10 symptom=error
import torch
import torch.nn as nn

counter = nn.Linear(6, 1)
opt = torch.optim.Adam(counter.parameters(), lr=1e-2)
feats = torch.randn(12, 6)
true_counts = torch.randint(0, 5, (12, 1))
pred = torch.relu(counter(feats)) * 4
pred_counts = pred.round().long()
loss = ((pred_counts - true_counts) ** 2).float().mean()
opt.zero_grad()
loss.backward()
opt.step()
