# gradrepl-corpus: target=img cause=non_leaf_access line=7 symptom=grad_none
import torch
import torch.nn as nn

net = nn.Sequential(nn.Flatten(), nn.Linear(16, 4))
raw = torch.rand(1, 1, 4, 4, requires_grad=True)
img = (raw - 0.5) / 0.25
score = net(img)[0, 2]
score.backward()
saliency = img.grad
print(saliency)
