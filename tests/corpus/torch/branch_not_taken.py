# gradrepl-corpus: target=net.aux.weight cause=unused_parameter line=10 symptom=grad_none
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self, use_aux=False):
        super().__init__()
        self.main = nn.Linear(4, 4)
        self.aux = nn.Linear(4, 4)
        self.use_aux = use_aux

    def forward(self, x):
        h = self.main(x)
        if self.use_aux:
            h = h + self.aux(x)
        return h.relu().sum()


net = Net()
net(torch.randn(2, 4)).backward()
print(net.aux.weight.grad)
