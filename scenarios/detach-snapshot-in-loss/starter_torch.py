"""Fit a bounded signal x_hat = tanh(x) to a clean target, keeping snapshots to plot."""
import torch

torch.manual_seed(0)
clean = torch.sin(torch.linspace(0.0, 3.0, 10))
x = torch.randn(10, requires_grad=True)
history = []

x_hat = torch.tanh(x)
snapshot = x_hat.detach()  # keep a copy for the plot
history.append(snapshot)
loss = ((snapshot - clean) ** 2).sum()
loss.backward()
print("x.grad:", x.grad)
