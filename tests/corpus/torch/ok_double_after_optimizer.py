# gradrepl-corpus: target=model cause=none
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(3, 6), nn.Softplus(), nn.Linear(6, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
model.double()  # module.to()/double() keep the same Parameter objects
x = torch.randn(12, 3, dtype=torch.float64)
y = torch.randn(12, 1, dtype=torch.float64)
for _ in range(3):
    optimizer.zero_grad()
    loss = ((model(x) - y) ** 2).mean()
    loss.backward()
    optimizer.step()
print(model[0].weight.dtype, model[0].weight.grad.norm())
