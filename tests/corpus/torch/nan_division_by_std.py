# gradrepl-corpus: target=feat cause=nan_at_singularity line=7 symptom=grad_nan
import torch

feat = torch.ones(4, 3, requires_grad=True)
mu = feat.mean(dim=0)
sd = feat.std(dim=0)
z = (feat - mu) / sd
loss = (z ** 2).sum()
loss.backward()
print(feat.grad)
