"""Fine-tune a pretrained MLP: freeze the first block, train the second and the head."""
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(8, 32), nn.ReLU(),  # block 1 (keep frozen)
    nn.Linear(32, 32), nn.ReLU(),  # block 2 (fine-tune)
    nn.Linear(32, 3),  # new head
)
for p in model[:2].parameters():  # block 1 is model[0] and model[1], nothing more
    p.requires_grad = False

opt = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=1e-3)
x = torch.randn(16, 8)
y = torch.randint(0, 3, (16,))
loss = F.cross_entropy(model(x), y)
opt.zero_grad()
loss.backward()
opt.step()
print("block 2 grad:", model[2].weight.grad.norm())
