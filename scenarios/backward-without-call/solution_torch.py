"""Train a linear model for a few steps with SGD and watch the loss fall."""
import torch
from torch import nn

torch.manual_seed(0)
inputs = torch.randn(32, 3)
targets = inputs @ torch.tensor([[1.5], [-2.0], [0.5]]) + 0.3
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)


def loss_fn():
    return ((model(inputs) - targets) ** 2).mean()


for step in range(5):
    opt.zero_grad()
    loss = loss_fn()
    loss.backward()  # the parentheses run it; without them it is only looked up
    opt.step()
    print(f"step {step}: loss {loss.item():.4f}")

# one more backward pass at the final weights, to inspect their gradient
opt.zero_grad()
loss_fn().backward()
