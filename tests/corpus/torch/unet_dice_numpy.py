# gradrepl-corpus: target=seg.down.weight cause=numpy_roundtrip line=24 symptom=grad_none
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class TinySeg(nn.Module):
    def __init__(self):
        super().__init__()
        self.down = nn.Conv2d(3, 8, 3, stride=2, padding=1)
        self.mid = nn.Conv2d(8, 8, 3, padding=1)
        self.up = nn.ConvTranspose2d(8, 1, 2, stride=2)

    def forward(self, x):
        h = F.relu(self.down(x))
        h = F.relu(self.mid(h))
        return self.up(h)


def dice_loss(logits, mask, eps=1e-6):
    """1 - Dice coefficient, as in the evaluation script."""
    prob = torch.sigmoid(logits)
    p = prob.detach().cpu().numpy().ravel()
    t = mask.cpu().numpy().ravel()
    inter = (p * t).sum()
    return 1.0 - (2 * inter + eps) / (p.sum() + t.sum() + eps)


seg = TinySeg()
opt = torch.optim.Adam(seg.parameters(), lr=1e-3)
images = torch.randn(2, 3, 16, 16)
masks = (torch.rand(2, 1, 16, 16) > 0.7).float()
for _ in range(2):
    opt.zero_grad()
    loss = torch.tensor(dice_loss(seg(images), masks), requires_grad=True)
    loss.backward()
    opt.step()
print(seg.down.weight.grad)
