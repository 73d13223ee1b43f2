"""Train a small regressor; the loss should go down."""
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(64, 3)
y = torch.sin(x[:, :1]) + 0.5 * x[:, 1:2]
model = nn.Sequential(nn.Linear(3, 16), nn.Tanh(), nn.Linear(16, 1))
opt = torch.optim.SGD(model.parameters(), lr=0.1)

for epoch in range(5):
    opt.zero_grad()  # clear last step's gradients first, before computing new ones
    loss = F.mse_loss(model(x), y)
    loss.backward()
    opt.step()
    print(f"epoch {epoch}: loss {loss.item():.4f}")
