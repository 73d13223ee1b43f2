# gradrepl-corpus: target=kernel cause=rebind_non_leaf line=5 symptom=grad_none
import torch
import torch.nn.functional as F

kernel = torch.randn(9, requires_grad=True).view(1, 1, 3, 3)
image = torch.randn(1, 1, 8, 8)
edges = F.conv2d(image, kernel, padding=1)
loss = edges.abs().mean()
loss.backward()
print(kernel.grad)
