# gradrepl-corpus: target=clf.weight cause=non_differentiable_op line=10 symptom=error
import torch
import torch.nn as nn

clf = nn.Linear(10, 5)
x = torch.randn(12, 10)
y = torch.randint(0, 5, (12,))

logits = clf(x)
pred = logits.argmax(dim=1)
loss = 1.0 - (pred == y).float().mean()
loss.backward()
