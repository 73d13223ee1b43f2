"""Train a small regressor that also offers a predict() helper for evaluation."""
import torch
import torch.nn.functional as F
from torch import nn


class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(3, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, x):
        return self.net(x)

    @torch.no_grad()
    def predict(self, x):
        """Predictions for evaluation and plots."""
        return self.forward(x)


torch.manual_seed(0)
x = torch.randn(64, 3)
y = x.sum(dim=1, keepdim=True) ** 2
model = Regressor()
opt = torch.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(3):
    opt.zero_grad()
    loss = F.mse_loss(model.predict(x), y)
    loss.backward()
    opt.step()
    print(epoch, loss.item())
