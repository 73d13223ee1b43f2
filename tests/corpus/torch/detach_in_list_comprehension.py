# gradrepl-corpus: target=w cause=detach line=6 symptom=error
import torch

w = torch.randn(4, requires_grad=True)
samples = [torch.randn(4) for _ in range(3)]
scores = [(w * s).sum().detach() for s in samples]
loss = torch.stack(scores).pow(2).mean()
loss.backward()
