# gradrepl-corpus: target=model.conv_a.weight cause=unused_parameter line=14 symptom=grad_none
import torch
import torch.nn as nn


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_a = nn.Conv1d(2, 4, 3, padding=1)
        self.conv_b = nn.Conv1d(2, 4, 3, padding=1)
        self.out = nn.Linear(4 * 10, 1)

    def forward(self, x):
        h = torch.relu(self.conv_a(x))
        h = torch.relu(self.conv_b(x))
        return self.out(h.flatten(1))


model = Model()
loss = model(torch.randn(3, 2, 10)).mean()
loss.backward()
print(model.conv_a.weight.grad)
