# gradrepl-corpus: target=emb.weight cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
emb = nn.Embedding(6, 4)
pairs = torch.tensor([[0, 1], [2, 2], [3, 4]])
a, b = emb(pairs[:, 0]), emb(pairs[:, 1])
dist = torch.linalg.vector_norm(a - b, dim=-1)
loss = torch.relu(1.0 - dist).mean()
loss.backward()
print(emb.weight.grad)
