# gradrepl-corpus: target=lm.embed.weight cause=none
# gradrepl-corpus: target=lm.rnn.weight_hh_l0 cause=none
import torch
import torch.nn as nn


class TinyLM(nn.Module):
    def __init__(self, vocab=25, d=10):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.rnn = nn.GRU(d, d, batch_first=True)
        self.head = nn.Linear(d, vocab, bias=False)
        self.head.weight = self.embed.weight  # weight tying

    def forward(self, ids):
        out, _ = self.rnn(self.embed(ids))
        return self.head(out)


torch.manual_seed(0)
lm = TinyLM()
opt = torch.optim.Adam(lm.parameters(), lr=1e-3)
ids = torch.randint(0, 25, (3, 9))
logits = lm(ids[:, :-1])
loss = nn.functional.cross_entropy(logits.reshape(-1, 25), ids[:, 1:].reshape(-1))
opt.zero_grad()
loss.backward()
opt.step()
