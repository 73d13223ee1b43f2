# gradrepl-corpus: target=cell.weight_hh cause=retain_graph line=12 symptom=error
import torch
import torch.nn as nn

cell = nn.RNNCell(3, 6)
readout = nn.Linear(6, 1)
opt = torch.optim.Adam(list(cell.parameters()) + list(readout.parameters()))
seq = torch.randn(20, 4, 3)
h = torch.zeros(4, 6)

for t in range(seq.shape[0]):
    h = cell(seq[t], h)
    loss = readout(h).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
