# gradrepl-corpus: target=model.encoder.weight cause=numpy_roundtrip line=15 symptom=grad_none
import torch
import torch.nn as nn


class LitModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Linear(10, 3)

    def training_step(self, batch):
        x, y = batch
        logits = self.encoder(x)
        loss = nn.functional.cross_entropy(logits, y)
        return loss.item()


model = LitModel()
optim = torch.optim.Adam(model.parameters(), lr=1e-3)
batch = (torch.randn(8, 10), torch.randint(0, 3, (8,)))
for epoch in range(2):
    optim.zero_grad()
    loss = torch.tensor(model.training_step(batch), requires_grad=True)
    loss.backward()
    optim.step()
print(model.encoder.weight.grad)
