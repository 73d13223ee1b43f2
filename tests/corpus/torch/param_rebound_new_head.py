# gradrepl-corpus: target=opt.param_groups[0]['params'][2] cause=optimizer_wrong_params line=18 symptom=grad_none
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(10, 5)
        self.head = nn.Linear(5, 2)

    def forward(self, x):
        return self.head(torch.relu(self.body(x)))


net = Net()
opt = torch.optim.SGD(net.parameters(), lr=0.01)
net.head = nn.Linear(5, 4)

x, y = torch.randn(8, 10), torch.randint(0, 4, (8,))
loss = nn.functional.cross_entropy(net(x), y)
opt.zero_grad()
loss.backward()
opt.step()
