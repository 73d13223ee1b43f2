# gradrepl-corpus: target=model.weight cause=backward_not_called line=7 symptom=grad_none
import torch

model = torch.nn.Linear(2, 2)
x = torch.randn(5, 2)
loss = model(x).pow(2).sum()
grads = torch.autograd.grad(loss, model.parameters())
for p in model.parameters():
    print(p.grad)
