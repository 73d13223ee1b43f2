# gradrepl-corpus: target=model.alpha cause=none
# gradrepl-corpus: target=model.proj.weight cause=none
import torch
import torch.nn as nn

device = torch.device("cpu")


class Gated(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(4, 4)
        self.alpha = nn.Parameter(torch.zeros(1)).to(device)  # same tensor on the same device

    def forward(self, x):
        return x + torch.sigmoid(self.alpha) * self.proj(x)


model = Gated().to(device)
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
x = torch.randn(6, 4, device=device)
loss = model(x).pow(2).mean()
opt.zero_grad()
loss.backward()
opt.step()
print(model.alpha.grad)
