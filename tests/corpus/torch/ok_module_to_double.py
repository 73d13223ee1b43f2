# gradrepl-corpus: target=model.weight cause=none
# gradrepl-corpus: target=model.bias cause=none
import torch
import torch.nn as nn

model = nn.Linear(3, 2)
model = model.to(torch.float64)
opt = torch.optim.LBFGS(model.parameters(), lr=0.5, max_iter=5)
x = torch.randn(10, 3, dtype=torch.float64)
y = torch.randn(10, 2, dtype=torch.float64)


def closure():
    opt.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    return loss


opt.step(closure)
print(model.weight.dtype, model.weight.grad)
