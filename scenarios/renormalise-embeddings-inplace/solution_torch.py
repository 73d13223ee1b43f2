"""Learn unit-length embeddings that pull related items together."""
import torch

torch.manual_seed(0)
emb = torch.randn(10, 4, requires_grad=True)
pairs = torch.tensor([[0, 1], [2, 3], [4, 5], [6, 7]])  # related items
opt = torch.optim.SGD([emb], lr=0.1)


def loss_fn():
    similarity = (emb[pairs[:, 0]] * emb[pairs[:, 1]]).sum(dim=1)
    return -similarity.mean()


for step in range(10):
    with torch.no_grad():  # the projection is a correction, not part of the model
        emb.div_(emb.norm(dim=1, keepdim=True))
    loss = loss_fn()
    opt.zero_grad()
    loss.backward()
    opt.step()
print("mean similarity:", -loss.item())

# the gradient at the final embeddings, for inspection
opt.zero_grad()
loss_fn().backward()
