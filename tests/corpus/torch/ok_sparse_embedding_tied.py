# gradrepl-corpus: target=emb.weight cause=none
# gradrepl-corpus: target=dec.weight cause=none
import torch
import torch.nn as nn

emb = nn.Embedding(30, 8)
dec = nn.Linear(8, 30, bias=False)
dec.weight = emb.weight
opt = torch.optim.SGD(list(emb.parameters()), lr=0.1)
tokens = torch.randint(0, 30, (4, 5))
logits = dec(emb(tokens))
loss = nn.functional.cross_entropy(logits.view(-1, 30), tokens.view(-1))
opt.zero_grad()
loss.backward()
opt.step()
