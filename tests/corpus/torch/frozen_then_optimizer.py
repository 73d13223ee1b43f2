# gradrepl-corpus: target=backbone[0].weight cause=frozen_parameter line=9 symptom=grad_none
# gradrepl-corpus: target=head.weight cause=none
import torch
import torch.nn as nn

backbone = nn.Sequential(nn.Linear(10, 10), nn.ReLU())
head = nn.Linear(10, 2)
for p in backbone.parameters():
    p.requires_grad_(False)
opt = torch.optim.Adam(list(backbone.parameters()) + list(head.parameters()), lr=1e-3)
x, y = torch.randn(4, 10), torch.randint(0, 2, (4,))
loss = nn.functional.cross_entropy(head(backbone(x)), y)
opt.zero_grad()
loss.backward()
opt.step()
print(backbone[0].weight.grad)
