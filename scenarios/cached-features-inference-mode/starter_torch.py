"""Linear probe: cache a frozen encoder's features once, then train a head on them."""
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 16))
head = nn.Linear(16, 4)
x = torch.randn(128, 10)
y = torch.randint(0, 4, (128,))

with torch.inference_mode():  # the encoder stays frozen; no need to record it
    features = encoder(x)

opt = torch.optim.SGD(head.parameters(), lr=0.1)
for epoch in range(3):
    opt.zero_grad()
    loss = F.cross_entropy(head(features), y)
    loss.backward()
    opt.step()
    print(epoch, loss.item())
