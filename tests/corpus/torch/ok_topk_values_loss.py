# gradrepl-corpus: target=scorer.weight cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
scorer = nn.Linear(8, 1)
items = torch.randn(4, 10, 8)
scores = scorer(items).squeeze(-1)
top = scores.topk(3, dim=1)
loss = -top.values.mean() + 0.01 * top.indices.float().mean()
loss.backward()
print(scorer.weight.grad)
