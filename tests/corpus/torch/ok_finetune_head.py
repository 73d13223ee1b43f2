# gradrepl-corpus: target=model.head.weight cause=none
# gradrepl-corpus: target=model.head.bias cause=none
import torch
import torch.nn as nn


class Backbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Linear(10, 10), nn.ReLU())
        self.head = nn.Linear(10, 2)

    def forward(self, x):
        return self.head(self.features(x))


model = Backbone()
for p in model.features.parameters():
    p.requires_grad = False
opt = torch.optim.SGD(model.head.parameters(), lr=0.1)
x, y = torch.randn(16, 10), torch.randint(0, 2, (16,))
opt.zero_grad()
nn.functional.cross_entropy(model(x), y).backward()
opt.step()
