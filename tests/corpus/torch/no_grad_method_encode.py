# gradrepl-corpus: target=model.encoder.weight cause=no_grad_context line=19 symptom=grad_none
# gradrepl-corpus: target=model.decoder.weight cause=none
import torch
import torch.nn as nn


class AutoEncoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = nn.Linear(20, 4)
        self.decoder = nn.Linear(4, 20)

    @torch.no_grad()
    def encode(self, x):
        return torch.tanh(self.encoder(x))

    def forward(self, x):
        # the same encode() is used at test time to export codes
        code = self.encode(x)
        return self.decoder(code)


model = AutoEncoder()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
batch = torch.randn(16, 20)
for _ in range(3):
    opt.zero_grad()
    loss = nn.functional.mse_loss(model(batch), batch)
    loss.backward()
    opt.step()
print(model.encoder.weight.grad)
