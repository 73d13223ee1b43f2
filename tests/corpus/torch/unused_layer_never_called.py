# gradrepl-corpus: target=net.proj.weight cause=unused_parameter line=11 symptom=grad_none
# gradrepl-corpus: target=net.body.weight cause=none
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Linear(6, 6)
        self.proj = nn.Linear(6, 2)

    def forward(self, x):
        h = torch.relu(self.body(x))
        return h.mean(dim=1, keepdim=True)


net = Net()
out = net(torch.randn(4, 6))
out.sum().backward()
for name, p in net.named_parameters():
    print(name, None if p.grad is None else p.grad.norm())
