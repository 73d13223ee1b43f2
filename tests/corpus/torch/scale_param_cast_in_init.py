# gradrepl-corpus: target=model.log_temp cause=rebind_non_leaf line=10 symptom=grad_none
import torch
import torch.nn as nn


class Calibrated(nn.Module):
    def __init__(self, d_in, n_cls):
        super().__init__()
        self.fc = nn.Linear(d_in, n_cls).double()
        self.log_temp = nn.Parameter(torch.zeros(1)).to(torch.float64)

    def forward(self, x):
        return self.fc(x) / self.log_temp.exp()


model = Calibrated(6, 3)
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
x = torch.randn(10, 6, dtype=torch.float64)
y = torch.randint(0, 3, (10,))
for _ in range(3):
    opt.zero_grad()
    loss = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
print(model.log_temp.grad)
