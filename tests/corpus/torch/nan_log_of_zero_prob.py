# gradrepl-corpus: target=scores cause=nan_at_singularity line=7 symptom=grad_nan
import torch

scores = torch.tensor([40.0, -5.0, 0.0], requires_grad=True)
labels = torch.tensor([1.0, 0.0, 1.0])
p = torch.sigmoid(scores)
bce = -(labels * torch.log(p) + (1 - labels) * torch.log(1 - p))
bce.mean().backward()
print(scores.grad)
