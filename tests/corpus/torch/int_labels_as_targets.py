# gradrepl-corpus: target=coef cause=int_dtype line=4 symptom=error
import torch

coef = torch.zeros(3, dtype=torch.long, requires_grad=True)
x = torch.randn(10, 3)
pred = x @ coef.float()
pred.sum().backward()
