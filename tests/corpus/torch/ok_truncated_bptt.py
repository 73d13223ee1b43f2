# gradrepl-corpus: target=cell.weight_hh cause=none
# gradrepl-corpus: target=readout.weight cause=none
import torch
import torch.nn as nn

cell = nn.GRUCell(3, 8)
readout = nn.Linear(8, 1)
opt = torch.optim.Adam(list(cell.parameters()) + list(readout.parameters()), lr=1e-3)
seq = torch.randn(12, 2, 3)
h = torch.zeros(2, 8)

for t in range(seq.shape[0]):
    h = cell(seq[t], h.detach())
    loss = readout(h).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
