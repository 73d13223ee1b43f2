# gradrepl-corpus: target=x cause=none
import torch

x = torch.randn(4, requires_grad=True)
y = x ** 2
loss = y.mean()
y.add_(1)
loss.backward()
print(x.grad, 2 * x / 4)
