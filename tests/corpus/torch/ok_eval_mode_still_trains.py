# gradrepl-corpus: target=model.fc1.weight cause=none
# gradrepl-corpus: target=model.fc2.weight cause=none
import torch
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(10, 32)
        self.bn = nn.BatchNorm1d(32)
        self.drop = nn.Dropout(0.5)
        self.fc2 = nn.Linear(32, 3)

    def forward(self, x):
        return self.fc2(self.drop(torch.relu(self.bn(self.fc1(x)))))


model = MLP()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
x, y = torch.randn(24, 10), torch.randint(0, 3, (24,))
model.eval()  # forgot to switch back to train(): dropout and batchnorm act as at test time
for _ in range(3):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
print(model.fc1.weight.grad.norm())
