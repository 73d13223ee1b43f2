# gradrepl-corpus: target=model.weight cause=none
import torch
import torch.nn as nn

model = nn.Linear(4, 1)
criterion = nn.MSELoss()
xs, ys = torch.randn(5, 4), torch.randn(5, 1)
loss = torch.tensor(0.0)
for i in range(5):
    loss += criterion(model(xs[i]), ys[i])
loss.backward()
print(model.weight.grad)
