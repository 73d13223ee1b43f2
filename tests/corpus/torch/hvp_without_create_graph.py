# gradrepl-corpus: target=theta cause=no_create_graph line=7 symptom=error
import torch

theta = torch.randn(4, requires_grad=True)
A = torch.randn(4, 4)
f = theta @ A @ theta
(g,) = torch.autograd.grad(f, theta)
v = torch.ones(4)
hvp = torch.autograd.grad(g @ v, theta)
