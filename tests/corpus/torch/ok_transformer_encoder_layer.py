# gradrepl-corpus: target=model.attn.in_proj_weight cause=none
# gradrepl-corpus: target=model.tok.weight cause=none
import torch
import torch.nn as nn


class TinyEncoder(nn.Module):
    def __init__(self, vocab=30, d=16, heads=2):
        super().__init__()
        self.tok = nn.Embedding(vocab, d, padding_idx=0)
        self.pos = nn.Parameter(torch.zeros(1, 12, d))
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.norm = nn.LayerNorm(d)
        self.ff = nn.Sequential(nn.Linear(d, 32), nn.GELU(), nn.Linear(32, d))
        self.out = nn.Linear(d, 2)

    def forward(self, ids):
        pad = ids == 0
        x = self.tok(ids) + self.pos[:, : ids.size(1)]
        a, _ = self.attn(x, x, x, key_padding_mask=pad)
        x = self.norm(x + a)
        x = x + self.ff(x)
        keep = (~pad).unsqueeze(-1).float()
        return self.out((x * keep).sum(1) / keep.sum(1))


torch.manual_seed(0)
model = TinyEncoder()
opt = torch.optim.AdamW(model.parameters(), lr=3e-4)
ids = torch.randint(1, 30, (4, 10))
ids[:, 7:] = 0
labels = torch.tensor([0, 1, 1, 0])
opt.zero_grad()
loss = nn.functional.cross_entropy(model(ids), labels)
loss.backward()
opt.step()
