# gradrepl-corpus: target=feat cause=non_leaf_access line=10 symptom=grad_none
import torch
import torch.nn as nn

torch.manual_seed(0)
conv = nn.Conv2d(1, 2, 3)
img = torch.randn(1, 1, 6, 6)
feat = conv(img)
feat.retain_grad()
feat = feat.relu()
score = feat.mean()
score.backward()
print(feat.grad)
