# gradrepl-corpus: target=dec cause=none
import torch
import torch.nn as nn
import torch.nn.functional as F


class Decoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 8 * 4 * 4)
        self.conv1 = nn.Conv2d(8, 4, 3, padding=1)
        self.conv2 = nn.Conv2d(4, 1, 3, padding=1)

    def forward(self, z):
        h = self.fc(z).view(-1, 8, 4, 4)
        h = F.interpolate(F.leaky_relu(h, 0.2), scale_factor=2, mode="bilinear", align_corners=False)
        h = F.interpolate(F.leaky_relu(self.conv1(h), 0.2), size=(16, 16), mode="nearest")
        return torch.sigmoid(self.conv2(h))


torch.manual_seed(0)
dec = Decoder()
opt = torch.optim.Adam(dec.parameters(), lr=1e-3)
z = torch.randn(3, 4)
target = torch.rand(3, 1, 16, 16)
loss = F.binary_cross_entropy(dec(z), target)
opt.zero_grad()
loss.backward()
opt.step()
