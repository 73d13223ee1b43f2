# gradrepl-corpus: target=lstm.weight_ih_l0 cause=inplace_saved_tensor line=33 symptom=error
import torch
import torch.nn as nn


class Forecaster(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(3, 12)
        self.head = nn.Linear(12, 1)
        self.state = None

    def forward(self, x):
        out, self.state = self.lstm(x, self.state)
        return self.head(out[-1])


torch.manual_seed(0)
net = Forecaster()
lstm = net.lstm
opt = torch.optim.SGD(net.parameters(), lr=0.01)
series = torch.randn(40, 2, 3)
target = torch.randn(4, 2, 1)

for i in range(4):
    window = series[i * 10:(i + 1) * 10]
    pred = net(window)
    loss = (pred - target[i]).pow(2).mean()
    opt.zero_grad()
    # "Trying to backward through the graph a second time" went away with this flag,
    # but now a different error shows up
    loss.backward(retain_graph=True)
    opt.step()
