# gradrepl-corpus: target=encoder.weight cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Linear(5, 3)
anchors = torch.randn(6, 5)
positives = anchors.clone()
positives[3:] += 0.1 * torch.randn(3, 5)
dist = torch.norm(encoder(anchors) - encoder(positives), dim=1)
loss = dist.mean()
loss.backward()
print(encoder.weight.grad)
