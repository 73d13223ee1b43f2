# gradrepl-corpus: target=model[0].weight cause=none
# gradrepl-corpus: target=model[2].bias cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))
opt = torch.optim.Adam(model.parameters(), lr=1e-2)
x = torch.randn(64, 4)
y = (x[:, 0] > 0).long() + (x[:, 1] > 0).long()

for epoch in range(20):
    opt.zero_grad()
    logits = model(x)
    loss = nn.functional.cross_entropy(logits, y)
    loss.backward()
    opt.step()
    if epoch % 5 == 0:
        acc = (logits.argmax(1) == y).float().mean().item()
        print(epoch, round(loss.item(), 4), acc)
