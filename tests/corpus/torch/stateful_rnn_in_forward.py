# gradrepl-corpus: target=model.rnn.weight_hh_l0 cause=retain_graph line=15 symptom=error
import torch
import torch.nn as nn


class CharRNN(nn.Module):
    def __init__(self, vocab=20, hidden=16):
        super().__init__()
        self.embed = nn.Embedding(vocab, 8)
        self.rnn = nn.GRU(8, hidden, batch_first=True)
        self.out = nn.Linear(hidden, vocab)
        self.hidden = None

    def forward(self, x):
        y, self.hidden = self.rnn(self.embed(x), self.hidden)
        return self.out(y)


torch.manual_seed(0)
model = CharRNN()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
text = torch.randint(0, 20, (2, 41))
for i in range(0, 40, 10):
    x, y = text[:, i:i + 10], text[:, i + 1:i + 11]
    logits = model(x)
    loss = nn.functional.cross_entropy(logits.reshape(-1, 20), y.reshape(-1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
