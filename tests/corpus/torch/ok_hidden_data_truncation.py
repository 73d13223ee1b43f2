# gradrepl-corpus: target=lstm.weight_ih_l0 cause=none
import torch
import torch.nn as nn

lstm = nn.LSTM(3, 6)
head = nn.Linear(6, 1)
opt = torch.optim.Adam(list(lstm.parameters()) + list(head.parameters()), lr=1e-3)
state = None
for chunk in torch.randn(4, 5, 2, 3):
    out, state = lstm(chunk, state)
    state = (state[0].data, state[1].data)
    loss = head(out).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
