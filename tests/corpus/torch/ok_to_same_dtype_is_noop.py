# gradrepl-corpus: target=x cause=none
import torch

x = torch.randn(5, requires_grad=True)
x = x.to(torch.float32)  # already float32: .to returns the same tensor
y = (x.exp() - x).sum()
y.backward()
print(x.grad)
