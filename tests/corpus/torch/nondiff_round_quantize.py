# gradrepl-corpus: target=w cause=non_differentiable_op line=8 symptom=grad_zero
import torch

w = torch.randn(8, requires_grad=True)
x = torch.randn(8)
scale = 4.0

w_q = torch.round(w * scale) / scale
out = (w_q * x).sum()
out.backward()
print(w.grad)
