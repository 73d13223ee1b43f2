# gradrepl-corpus: target=samples cause=non_differentiable_op line=6 symptom=error
import torch

samples = torch.randn(100, requires_grad=True)
target_hist = torch.full((10,), 10.0)
hist = torch.histc(samples, bins=10, min=-3, max=3)
loss = ((hist - target_hist) ** 2).mean()
loss.backward()
