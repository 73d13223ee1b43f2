# gradrepl-corpus: target=net.fc.weight cause=numpy_roundtrip line=17 symptom=grad_none
import numpy as np
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(6, 1)

    def forward(self, x):
        return self.fc(x)


def rmse(pred, target):
    p = pred.detach().cpu().numpy()
    t = target.numpy()
    return torch.tensor(np.sqrt(np.mean((p - t) ** 2)), requires_grad=True)


net = Net()
opt = torch.optim.SGD(net.parameters(), lr=0.05)
x, y = torch.randn(30, 6), torch.randn(30, 1)
for _ in range(3):
    opt.zero_grad()
    loss = rmse(net(x), y)
    loss.backward()
    opt.step()
print(net.fc.weight.grad)
