# gradrepl-corpus: target=model.pos.weight cause=unused_parameter line=16 symptom=grad_none
import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.tok = nn.Embedding(20, 8)
        self.pos = nn.Embedding(10, 8)
        self.out = nn.Linear(8, 2)

    def forward(self, ids):
        positions = torch.arange(ids.shape[1])
        h = self.tok(ids)
        p = self.pos(positions)
        return self.out(h.mean(1))


model = Encoder()
logits = model(torch.randint(0, 20, (4, 6)))
logits.sum().backward()
print(model.pos.weight.grad)
