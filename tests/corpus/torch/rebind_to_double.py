# gradrepl-corpus: target=coeffs cause=param_rebound line=5 symptom=grad_none
import torch

coeffs = torch.zeros(4, requires_grad=True)
coeffs = coeffs.to(torch.float64)
t = torch.linspace(0, 1, 50, dtype=torch.float64)
poly = sum(coeffs[i] * t ** i for i in range(4))
loss = ((poly - torch.cos(t)) ** 2).mean()
loss.backward()
print(coeffs.grad)
