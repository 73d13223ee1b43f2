# gradrepl-corpus: target=model.temperature cause=no_requires_grad line=10 symptom=grad_none
import torch
import torch.nn as nn


class ScaledCosine(nn.Module):
    def __init__(self, d, n):
        super().__init__()
        self.proto = nn.Parameter(torch.randn(n, d))
        self.register_buffer("temperature", torch.tensor(10.0))

    def forward(self, x):
        x = nn.functional.normalize(x, dim=-1)
        p = nn.functional.normalize(self.proto, dim=-1)
        return self.temperature * x @ p.t()


model = ScaledCosine(8, 4)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
feats, labels = torch.randn(12, 8), torch.randint(0, 4, (12,))
loss = nn.functional.cross_entropy(model(feats), labels)
opt.zero_grad()
loss.backward()
opt.step()
print(model.proto.grad is not None, model.temperature.grad)
