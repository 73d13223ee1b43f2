# gradrepl-corpus: target=scale cause=numpy_roundtrip line=11 symptom=grad_none
# gradrepl-corpus: target=lin.weight cause=none
import torch
import torch.nn as nn

lin = nn.Linear(3, 1)
scale = torch.tensor(1.0, requires_grad=True)
x, y = torch.randn(12, 3), torch.randn(12, 1)

penalty = (scale * lin.weight).pow(2).sum()
loss = nn.functional.mse_loss(lin(x), y) + 0.01 * penalty.item()
loss.backward()
print(scale.grad, lin.weight.grad)
