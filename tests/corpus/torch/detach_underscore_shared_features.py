# gradrepl-corpus: target=backbone.weight cause=detach line=15 symptom=grad_none
# gradrepl-corpus: target=head.weight cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
backbone = nn.Linear(12, 6)
head = nn.Linear(6, 2)
probe = nn.Linear(6, 2)
opt = torch.optim.Adam([*backbone.parameters(), *head.parameters(), *probe.parameters()], lr=1e-3)
x, y = torch.randn(8, 12), torch.randint(0, 2, (8,))

feats = torch.relu(backbone(x))
# the linear probe must not train the backbone
probe_logits = probe(feats.detach_())
loss = nn.functional.cross_entropy(head(feats), y) + nn.functional.cross_entropy(probe_logits, y)
opt.zero_grad()
loss.backward()
opt.step()
print(backbone.weight.grad)
