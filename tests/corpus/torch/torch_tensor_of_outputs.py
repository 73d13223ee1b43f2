# gradrepl-corpus: target=model.weight cause=rewrap_tensor_constructor line=8 symptom=grad_none
import torch
import torch.nn as nn

model = nn.Linear(2, 1)
points = [torch.randn(2) for _ in range(5)]
targets = torch.randn(5)
preds = torch.tensor([model(p) for p in points]).squeeze()
loss = ((preds - targets) ** 2).mean()
loss.requires_grad_()
loss.backward()
print(model.weight.grad)
