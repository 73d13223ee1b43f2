# gradrepl-corpus: target=model.fc.weight cause=frozen_parameter line=20 symptom=error
import torch
import torch.nn as nn


class Backbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        h = torch.relu(self.conv(x)).mean((2, 3))
        return self.fc(h)


model = Backbone()
# freeze everything, then unfreeze the classifier
for param in model.parameters():
    param.requires_grad = False
model.fc.requires_grad = True

optimizer = torch.optim.SGD(model.fc.parameters(), lr=0.01)
x, y = torch.randn(2, 3, 8, 8), torch.tensor([0, 2])
loss = nn.functional.cross_entropy(model(x), y)
optimizer.zero_grad()
loss.backward()
optimizer.step()
