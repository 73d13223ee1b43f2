# gradrepl-corpus: target=pts cause=none
# gradrepl-corpus: target=scale cause=none
import numpy as np
import torch

pts = torch.tensor([[0.0, 0.0], [3.0, 4.0]], requires_grad=True)
scale = torch.tensor(2.0, requires_grad=True)
sq = (pts ** 2).sum(dim=1)
safe_sq = torch.where(sq > 0, sq, torch.ones_like(sq))
norm = torch.where(sq > 0, torch.sqrt(safe_sq), torch.zeros_like(sq))
loss = (scale * norm).sum() + scale ** 2
history = [loss.item()]
print("norms:", norm.detach().numpy(), np.mean(history))
loss.backward()
