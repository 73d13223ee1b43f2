# gradrepl-corpus: target=W cause=rebind_non_leaf line=7 symptom=grad_none
# gradrepl-corpus: target=b cause=none
import torch

X = torch.randn(100, 3)
Y = X @ torch.tensor([[1.0], [2.0], [-1.0]])
W = torch.randn(3, 1, requires_grad=True) * 0.01
b = torch.zeros(1, requires_grad=True)

pred = X @ W + b
loss = ((pred - Y) ** 2).mean()
loss.backward()
print(W.grad, b.grad)
