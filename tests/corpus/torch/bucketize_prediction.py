# gradrepl-corpus: target=net.weight cause=non_differentiable_op line=12 symptom=grad_none
# gradrepl-corpus: target=level_emb.weight cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
net = nn.Linear(5, 1)
level_emb = nn.Embedding(5, 3)
boundaries = torch.tensor([-1.0, -0.3, 0.3, 1.0])
x, y = torch.randn(10, 5), torch.randn(10, 3)
score = net(x).squeeze(1)
level = torch.bucketize(score, boundaries)
loss = ((level_emb(level) - y) ** 2).mean()
loss.backward()
print(net.weight.grad, level_emb.weight.grad.abs().sum())
