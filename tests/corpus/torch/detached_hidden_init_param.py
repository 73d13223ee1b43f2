# gradrepl-corpus: target=h0 cause=detach line=8 symptom=grad_none
import torch
import torch.nn as nn

rnn = nn.GRU(3, 5, batch_first=True)
h0 = nn.Parameter(torch.zeros(1, 1, 5))
seq = torch.randn(1, 7, 3)
out, h = rnn(seq, h0.detach())
out.pow(2).mean().backward()
print(h0.grad)
