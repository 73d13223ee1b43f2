# gradrepl-corpus: target=model cause=none
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(3, 5), nn.ReLU(), nn.Linear(5, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.01)
batches = [(torch.randn(4, 3), torch.randn(4, 1)) for _ in range(3)]

total_loss = torch.tensor(0.0)
for xb, yb in batches:
    total_loss += nn.functional.mse_loss(model(xb), yb)
opt.zero_grad()
total_loss.backward()
opt.step()
print(total_loss.item())
