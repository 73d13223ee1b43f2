# gradrepl-corpus: target=optimizer.param_groups[0]['params'][0] cause=optimizer_wrong_params line=24 symptom=grad_none
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, x):
        return self.layers(x)


torch.manual_seed(0)
X, Y = torch.randn(60, 4), torch.randn(60, 1)
folds = torch.arange(60) % 3
model = Net()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
criterion = nn.MSELoss()

for k in range(3):
    train = folds != k
    model = Net()  # fresh weights for every fold
    for epoch in range(2):
        optimizer.zero_grad()
        loss = criterion(model(X[train]), Y[train])
        loss.backward()
        optimizer.step()
    print(k, loss.item())
