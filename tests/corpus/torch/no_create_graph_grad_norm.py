# gradrepl-corpus: target=x cause=no_create_graph line=6 symptom=error
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
f = (x ** 3).sum()
f.backward()
g = x.grad
h = (g ** 2).sum()
x.grad = None
h.backward()
