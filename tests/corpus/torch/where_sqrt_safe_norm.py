# gradrepl-corpus: target=pts cause=where_nan line=6 symptom=grad_nan
import torch

pts = torch.tensor([[0.0, 0.0], [3.0, 4.0], [0.0, 0.0]], requires_grad=True)
sq = (pts ** 2).sum(dim=1)
norm = torch.where(sq > 0, torch.sqrt(sq), torch.zeros_like(sq))
loss = norm.sum()
loss.backward()
print(pts.grad)
