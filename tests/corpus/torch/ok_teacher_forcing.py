# gradrepl-corpus: target=dec.weight_hh cause=none
# gradrepl-corpus: target=emb.weight cause=none
import torch
import torch.nn as nn

emb = nn.Embedding(12, 6)
dec = nn.GRUCell(6, 6)
out = nn.Linear(6, 12)
h = torch.zeros(1, 6)
token = torch.tensor([0])
targets = torch.tensor([3, 5, 7, 1])
loss = 0.0
for t in range(len(targets)):
    h = dec(emb(token), h)
    logits = out(h)
    loss = loss + nn.functional.cross_entropy(logits, targets[t:t + 1])
    token = logits.argmax(1).detach()
loss.backward()
