# gradrepl-corpus: target=rnn.weight_hh cause=none
# gradrepl-corpus: target=rnn.weight_ih cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
rnn = nn.RNNCell(3, 5)
for p in rnn.parameters():
    p.register_hook(lambda g: g.clamp(-0.5, 0.5))
h = torch.zeros(2, 5)
for t in range(8):
    h = rnn(torch.randn(2, 3), h)
loss = h.pow(2).sum()
loss.backward()
print(rnn.weight_hh.grad.abs().max())
