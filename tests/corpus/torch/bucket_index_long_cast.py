# gradrepl-corpus: target=scorer.weight cause=int_dtype line=13 symptom=grad_none
# gradrepl-corpus: target=table.weight cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
scorer = nn.Linear(4, 1)
table = nn.Embedding(10, 3)
head = nn.Linear(3, 1)
x, y = torch.randn(16, 4), torch.randn(16, 1)

score = torch.sigmoid(scorer(x)).squeeze(1)
bucket = (score * 9).long()
pred = head(table(bucket))
loss = nn.functional.mse_loss(pred, y)
loss.backward()
print(scorer.weight.grad, table.weight.grad.abs().sum())
