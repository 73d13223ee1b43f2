# gradrepl-corpus: target=backbone.weight cause=no_grad_context line=19 symptom=grad_none
# gradrepl-corpus: target=head.weight cause=none
import torch
import torch.nn as nn

backbone = nn.Linear(12, 6)
head = nn.Linear(6, 3)
params = list(backbone.parameters()) + list(head.parameters())
opt = torch.optim.Adam(params)


@torch.no_grad()
def embed(batch):
    return torch.relu(backbone(batch))


x = torch.randn(10, 12)
labels = torch.randint(0, 3, (10,))
features = embed(x)
logits = head(features)
loss = nn.functional.cross_entropy(logits, labels)
opt.zero_grad()
loss.backward()
opt.step()
