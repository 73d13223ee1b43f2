# gradrepl-corpus: target=scorer.weight cause=none
import torch
import torch.nn as nn

scorer = nn.Linear(5, 4)
best_score, best_idx = torch.max(scorer(torch.randn(6, 5)), dim=1)
loss = -best_score.mean()
loss.backward()
print(best_idx.tolist())
