# gradrepl-corpus: target=w cause=param_rebound line=11 symptom=error
import torch

xs = torch.randn(30, 2)
ys = xs @ torch.tensor([0.7, -1.2])
w = torch.zeros(2, requires_grad=True)

for it in range(3):
    loss = ((xs @ w - ys) ** 2).mean()
    loss.backward()
    w = w - 0.1 * w.grad
