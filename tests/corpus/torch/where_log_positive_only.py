# gradrepl-corpus: target=x cause=where_nan line=5 symptom=grad_nan
import torch

x = torch.tensor([2.0, 0.0, 0.5], requires_grad=True)
y = torch.where(x > 0, torch.log(x), torch.zeros_like(x))
y.sum().backward()
print(x.grad)
