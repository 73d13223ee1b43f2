# gradrepl-corpus: target=a cause=backward_not_called line=8 symptom=grad_none
# gradrepl-corpus: target=b cause=backward_not_called line=8 symptom=grad_none
import torch

a = torch.tensor(2.0, requires_grad=True)
b = torch.tensor(-1.0, requires_grad=True)
f = a ** 2 * b + torch.sin(a)
f.backward
print(a.grad, b.grad)
