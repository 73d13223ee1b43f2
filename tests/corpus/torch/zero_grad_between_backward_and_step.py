# gradrepl-corpus: target=model.fc.weight cause=grads_cleared line=24 symptom=grad_none
import torch
import torch.nn as nn


class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(5, 16), nn.ReLU())
        self.fc = nn.Linear(16, 1)

    def forward(self, x):
        return self.fc(self.body(x))


model = Regressor()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)


def train_step(x, y):
    pred = model(x)
    loss = nn.functional.smooth_l1_loss(pred, y)
    loss.backward()
    optimizer.zero_grad()
    optimizer.step()
    return loss.item()


for _ in range(3):
    train_step(torch.randn(16, 5), torch.randn(16, 1))
print(model.fc.weight.grad)
