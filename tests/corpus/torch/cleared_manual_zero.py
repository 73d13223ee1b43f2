# gradrepl-corpus: target=w cause=grads_cleared line=9 symptom=grad_zero
import torch

w = torch.randn(5, requires_grad=True)
x = torch.randn(5)
lr = 0.1
loss = (w * x).sum() ** 2
loss.backward()
w.grad.zero_()
with torch.no_grad():
    w -= lr * w.grad
print(w.grad)
