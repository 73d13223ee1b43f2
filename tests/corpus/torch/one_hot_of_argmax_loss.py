# gradrepl-corpus: target=model.weight cause=non_differentiable_op line=11 symptom=error
import torch
import torch.nn as nn
import torch.nn.functional as F

model = nn.Linear(6, 3)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(9, 6)
target = F.one_hot(torch.randint(0, 3, (9,)), 3).float()
logits = model(x)
pred = F.one_hot(logits.argmax(dim=1), num_classes=3).float()
loss = F.mse_loss(pred, target)
opt.zero_grad()
loss.backward()
opt.step()
