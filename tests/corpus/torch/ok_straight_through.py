# gradrepl-corpus: target=x cause=none
import torch

x = torch.randn(6, requires_grad=True)
q = x + (torch.round(x * 4) / 4 - x).detach()
loss = (q - 0.3).pow(2).sum()
loss.backward()
print(x.grad)
