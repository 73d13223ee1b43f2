# gradrepl-corpus: target=model.l1.weight cause=numpy_roundtrip line=16 symptom=grad_none
# gradrepl-corpus: target=model.l2.weight cause=none
import numpy as np
import torch
from torch import nn


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1 = nn.Linear(4, 8)
        self.l2 = nn.Linear(8, 1)

    def forward(self, x):
        h = self.l1(x)
        h = np.tanh(h.detach().numpy())
        h = torch.from_numpy(h)
        return self.l2(h)


model = Model()
loss = model(torch.randn(5, 4)).pow(2).mean()
loss.backward()
print(model.l1.weight.grad is None)
