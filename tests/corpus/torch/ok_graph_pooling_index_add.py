# gradrepl-corpus: target=conv.weight cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
num_nodes, num_graphs, d = 10, 3, 5
x = torch.randn(num_nodes, d)
edge_index = torch.randint(0, num_nodes, (2, 20))
batch = torch.tensor([0, 0, 0, 1, 1, 1, 1, 2, 2, 2])
conv = nn.Linear(d, d)
cls = nn.Linear(d, 2)

src, dst = edge_index
messages = conv(x)[src]
agg = torch.zeros(num_nodes, d).scatter_add(0, dst.unsqueeze(1).expand(-1, d), messages)
h = torch.relu(agg + x)
pooled = torch.zeros(num_graphs, d).index_add(0, batch, h)
counts = torch.bincount(batch).unsqueeze(1).float()
logits = cls(pooled / counts)
loss = nn.functional.cross_entropy(logits, torch.tensor([0, 1, 1]))
loss.backward()
print(conv.weight.grad.norm())
