"""Learn unit-length embeddings that pull related items together."""
import torch

torch.manual_seed(0)
emb = torch.randn(10, 4, requires_grad=True)
pairs = torch.tensor([[0, 1], [2, 3], [4, 5], [6, 7]])  # related items
opt = torch.optim.SGD([emb], lr=0.1)

for step in range(10):
    emb.div_(emb.norm(dim=1, keepdim=True))  # back onto the unit sphere
    similarity = (emb[pairs[:, 0]] * emb[pairs[:, 1]]).sum(dim=1)
    loss = -similarity.mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print("mean similarity:", -loss.item())
