# gradrepl-corpus: target=x cause=no_requires_grad line=8 symptom=error
import torch

x = torch.linspace(-1, 1, 5)
y = 3 * x ** 2 + 2 * x
z = y.mean()

x.requires_grad = True
z.backward()
print(x.grad)
