# gradrepl-corpus: target=model.encoder.weight cause=frozen_parameter line=19 symptom=grad_none
# gradrepl-corpus: target=model.head.weight cause=none
import torch
import torch.nn as nn


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Linear(16, 8)
        self.head = nn.Linear(8, 3)

    def forward(self, x):
        return self.head(torch.relu(self.encoder(x)))


model = Classifier()
for p in model.parameters():
    p.requires_grad = False
model.head.weight.requires_grad_(True)
model.head.bias.requires_grad_(True)

x, y = torch.randn(9, 16), torch.randint(0, 3, (9,))
loss = nn.functional.cross_entropy(model(x), y)
loss.backward()
print(model.encoder.weight.grad)
