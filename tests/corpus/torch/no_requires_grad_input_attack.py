# gradrepl-corpus: target=image cause=no_requires_grad line=6 symptom=grad_none
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 3))
image = torch.rand(1, 8)
label = torch.tensor([1])

loss = nn.functional.cross_entropy(model(image), label)
loss.backward()
perturbed = image + 0.03 * model[0].weight.grad.sum(0).sign()
print("input gradient:", image.grad)
