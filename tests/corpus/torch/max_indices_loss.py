# gradrepl-corpus: target=scorer.weight cause=non_differentiable_op line=8 symptom=error
import torch
import torch.nn as nn

scorer = nn.Linear(5, 4)
x = torch.randn(6, 5)
gold = torch.randint(0, 4, (6,))
best_score, best_idx = torch.max(scorer(x), dim=1)
loss = ((best_idx.float() - gold.float()) ** 2).mean()
loss.backward()
