"""Find the hidden unit the loss is most sensitive to."""
import torch
from torch import nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Linear(4, 8), nn.Tanh())
head = nn.Linear(8, 1)
x = torch.randn(16, 4)
y = torch.randn(16, 1)

hidden = encoder(x)
loss = nn.functional.mse_loss(head(hidden), y)
loss.backward()
sensitivity = hidden.grad.abs().mean(dim=0)
print("most sensitive hidden unit:", sensitivity.argmax().item())
