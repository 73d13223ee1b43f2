# gradrepl-corpus: target=x cause=int_dtype line=4 symptom=error
import torch

x = torch.tensor([1, 2, 3], requires_grad=True)
y = (x ** 2).sum()
y.backward()
print(x.grad)
