"""Fit a bounded signal x_hat = tanh(x) to a clean target, keeping snapshots to plot."""
import torch

torch.manual_seed(0)
clean = torch.sin(torch.linspace(0.0, 3.0, 10))
x = torch.randn(10, requires_grad=True)
history = []


def loss_fn():
    return ((torch.tanh(x) - clean) ** 2).sum()


x_hat = torch.tanh(x)
history.append(x_hat.detach())  # the detached copy is only for the plot
loss = ((x_hat - clean) ** 2).sum()  # the loss uses x_hat, which keeps its history
loss.backward()
print("x.grad:", x.grad)
