# gradrepl-corpus: target=model.fc.weight cause=detach line=18 symptom=grad_none
import torch
import torch.nn as nn


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)


def train(model, data):
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for x, y in data:
        pred = model(x).detach()
        loss = nn.functional.mse_loss(pred, y).requires_grad_()
        opt.zero_grad()
        loss.backward()
        opt.step()


def main():
    model = Model()
    data = [(torch.randn(3, 4), torch.randn(3, 2)) for _ in range(2)]
    train(model, data)
    print(model.fc.weight.grad)


if __name__ == "__main__":
    main()
