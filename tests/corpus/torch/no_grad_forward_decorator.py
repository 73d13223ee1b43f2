# gradrepl-corpus: target=model.layer.weight cause=no_grad_context line=18 symptom=error
import torch
import torch.nn as nn


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.Linear(5, 2)

    @torch.no_grad()
    def forward(self, x):
        return self.layer(x)


model = Model()
opt = torch.optim.Adam(model.parameters())
out = model(torch.randn(3, 5))
loss = out.pow(2).sum()
opt.zero_grad()
loss.backward()
