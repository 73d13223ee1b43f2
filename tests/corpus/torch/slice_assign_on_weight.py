# gradrepl-corpus: target=model.fc.weight cause=inplace_leaf line=16 symptom=error
import torch
import torch.nn as nn


class Probe(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc(x)


model = Probe()
model.fc.weight[:, 0] = 0.0  # ignore the first feature
loss = model(torch.randn(3, 8)).sum()
loss.backward()
