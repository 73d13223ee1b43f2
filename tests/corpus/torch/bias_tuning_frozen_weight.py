# gradrepl-corpus: target=model.bias cause=none
# gradrepl-corpus: target=model.weight cause=frozen_parameter line=7 symptom=grad_none
import torch
import torch.nn as nn

model = nn.Linear(5, 3)
model.weight.requires_grad = False  # only the bias is trained (a bias-tuning experiment)
optimizer = torch.optim.SGD(filter(lambda p: p.requires_grad, model.parameters()), lr=0.1)
x, y = torch.randn(8, 5), torch.randn(8, 3)
loss = nn.functional.mse_loss(model(x), y)
optimizer.zero_grad()
loss.backward()
optimizer.step()
print(model.bias.grad, model.weight.grad)
