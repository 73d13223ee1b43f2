# gradrepl-corpus: target=clf.fc.weight cause=none
import torch
import torch.nn as nn


class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(7, 3)

    def forward(self, x):
        return self.fc(x)

    @torch.no_grad()
    def accuracy(self, x, y):
        return (self(x).argmax(1) == y).float().mean().item()


clf = Classifier()
opt = torch.optim.Adam(clf.parameters(), lr=1e-2)
x_tr, y_tr = torch.randn(30, 7), torch.randint(0, 3, (30,))
x_va, y_va = torch.randn(10, 7), torch.randint(0, 3, (10,))
for epoch in range(3):
    clf.train()
    opt.zero_grad()
    loss = nn.functional.cross_entropy(clf(x_tr), y_tr)
    loss.backward()
    opt.step()
    clf.eval()
    print(epoch, loss.item(), clf.accuracy(x_va, y_va))
