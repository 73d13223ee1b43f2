# gradrepl-corpus: target=loss cause=non_leaf_access line=10 symptom=grad_none
# gradrepl-corpus: target=model.weight cause=none
import torch
import torch.nn as nn

model = nn.Linear(4, 1)
x = torch.randn(10, 4)
y = torch.randn(10, 1)

loss = nn.functional.l1_loss(model(x), y)
loss.backward()
print("loss grad:", loss.grad)
print("weight grad:", model.weight.grad)
