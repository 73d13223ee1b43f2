# gradrepl-corpus: target=model[0].weight cause=frozen_parameter line=9 symptom=error
import torch
import torch.nn as nn


def evaluate(model, x, y):
    model.eval()
    # no gradients needed for evaluation
    model.requires_grad_(False)
    acc = (model(x).argmax(1) == y).float().mean()
    model.train()
    return acc.item()


model = nn.Sequential(nn.Linear(5, 16), nn.ReLU(), nn.Linear(16, 3))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
x_tr, y_tr = torch.randn(40, 5), torch.randint(0, 3, (40,))
x_va, y_va = torch.randn(10, 5), torch.randint(0, 3, (10,))
for epoch in range(3):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(model(x_tr), y_tr)
    loss.backward()
    opt.step()
    print(epoch, evaluate(model, x_va, y_va))
