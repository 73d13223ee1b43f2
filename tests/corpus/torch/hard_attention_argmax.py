# gradrepl-corpus: target=scorer.weight cause=non_differentiable_op line=14 symptom=grad_none
# gradrepl-corpus: target=value_proj.weight cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
B, N, D = 4, 6, 8
scorer = nn.Linear(D, 1)
value_proj = nn.Linear(D, D)
items = torch.randn(B, N, D)
target = torch.randn(B, D)

scores = scorer(items).squeeze(-1)
best = scores.argmax(dim=1)
chosen = value_proj(items)[torch.arange(B), best]
loss = ((chosen - target) ** 2).mean()
loss.backward()
print(scorer.weight.grad, value_proj.weight.grad.norm())
