"""Report the model size, then train it with Adam."""
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
x = torch.randn(32, 4)
y = x.sum(dim=1, keepdim=True)

# model.parameters() is a generator: it is empty once iterated, so keep a list
params = list(model.parameters())
print("trainable parameters:", sum(p.numel() for p in params))
opt = torch.optim.Adam(params, lr=1e-2)

for step in range(3):
    opt.zero_grad()
    loss = F.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    print(step, loss.item())
