# gradrepl-corpus: target=model.fc.weight cause=frozen_parameter line=16 symptom=error
import torch
import torch.nn as nn


class Tiny(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 1)

    def forward(self, x):
        return self.fc(x)


model = Tiny()
model.requires_grad_(False)
with torch.no_grad():
    baseline = model(torch.randn(2, 4)).mean()

opt = torch.optim.SGD(model.parameters(), lr=0.1)
loss = (model(torch.randn(8, 4)) - 1).pow(2).mean()
loss.backward()
