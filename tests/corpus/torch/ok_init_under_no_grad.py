# gradrepl-corpus: target=model.fc.weight cause=none
import torch
import torch.nn as nn


class Probe(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 2)
        with torch.no_grad():
            self.fc.weight[:, 0] = 0.0
            self.fc.bias.fill_(0.1)

    def forward(self, x):
        return self.fc(x)


model = Probe()
loss = model(torch.randn(3, 8)).sum()
loss.backward()
print(model.fc.weight.grad)
