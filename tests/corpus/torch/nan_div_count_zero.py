# gradrepl-corpus: target=emb cause=nan_at_singularity line=7 symptom=grad_nan
import torch

emb = torch.randn(5, 3, requires_grad=True)
mask = torch.tensor([0.0, 0.0, 0.0, 0.0, 0.0])
summed = (emb * mask.unsqueeze(1)).sum(0)
mean = summed / mask.sum()
loss = mean.pow(2).sum()
loss.backward()
print(emb.grad)
