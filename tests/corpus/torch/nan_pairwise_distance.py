# gradrepl-corpus: target=emb cause=nan_at_singularity line=9 symptom=grad_nan
import torch

emb = torch.randn(4, 3)
emb[2] = emb[1]
emb.requires_grad_(True)

diff = emb.unsqueeze(0) - emb.unsqueeze(1)
dist = (diff ** 2).sum(-1).sqrt()
loss = dist.mean()
loss.backward()
print(emb.grad)
