# gradrepl-corpus: target=model.encoder.weight_ih_l0 cause=detach line=17 symptom=grad_none
# gradrepl-corpus: target=model.decoder.weight_ih cause=none
import torch
import torch.nn as nn


class Seq2Seq(nn.Module):
    def __init__(self, vocab=40, d=16):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.encoder = nn.GRU(d, d, batch_first=True)
        self.decoder = nn.GRUCell(d, d)
        self.out = nn.Linear(2 * d, vocab)

    def forward(self, src, tgt):
        enc_out, h = self.encoder(self.embed(src))
        memory = enc_out.data
        state = h[0].data
        logits = []
        for t in range(tgt.size(1)):
            state = self.decoder(self.embed(tgt[:, t]), state)
            scores = torch.softmax((memory @ state.unsqueeze(-1)).squeeze(-1), dim=1)
            context = (scores.unsqueeze(-1) * memory).sum(1)
            logits.append(self.out(torch.cat([state, context], dim=-1)))
        return torch.stack(logits, dim=1)


torch.manual_seed(0)
model = Seq2Seq()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
src, tgt = torch.randint(0, 40, (3, 7)), torch.randint(0, 40, (3, 5))
logits = model(src, tgt[:, :-1])
loss = nn.functional.cross_entropy(logits.reshape(-1, 40), tgt[:, 1:].reshape(-1))
opt.zero_grad()
loss.backward()
opt.step()
print(model.encoder.weight_ih_l0.grad)
