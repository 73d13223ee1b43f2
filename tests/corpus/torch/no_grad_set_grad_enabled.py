# gradrepl-corpus: target=w cause=no_grad_context line=12 symptom=grad_none
# gradrepl-corpus: target=b cause=none
import torch

torch.manual_seed(1)
w = torch.randn(3, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
xs = torch.randn(50, 3)
ys = xs @ torch.tensor([1.0, -2.0, 0.5]) + 0.3

torch.set_grad_enabled(False)
scores = xs @ w
torch.set_grad_enabled(True)
pred = scores + b
loss = ((pred - ys) ** 2).mean()
loss.backward()
print(w.grad, b.grad)
