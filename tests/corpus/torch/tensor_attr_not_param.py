# gradrepl-corpus: target=model.w cause=optimizer_wrong_params line=16 symptom=error
import torch
import torch.nn as nn


class Linear1D(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = torch.randn(3, requires_grad=True)

    def forward(self, x):
        return x @ self.w


model = Linear1D()
opt = torch.optim.SGD(model.parameters(), lr=0.1)
loss = model(torch.randn(5, 3)).pow(2).mean()
loss.backward()
opt.step()
