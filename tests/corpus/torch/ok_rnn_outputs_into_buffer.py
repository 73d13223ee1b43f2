# gradrepl-corpus: target=cell.weight_ih cause=none
# gradrepl-corpus: target=cell.weight_hh cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
B, T, D, H = 3, 6, 4, 8
cell = nn.GRUCell(D, H)
readout = nn.Linear(H, 1)
seq = torch.randn(B, T, D)

hidden = torch.zeros(B, H)
outputs = torch.zeros(B, T, H)
for t in range(T):
    hidden = cell(seq[:, t], hidden)
    outputs[:, t] = hidden
pred = readout(outputs).squeeze(-1)
loss = pred.pow(2).mean()
loss.backward()
print(cell.weight_ih.grad.norm(), cell.weight_hh.grad.norm())
