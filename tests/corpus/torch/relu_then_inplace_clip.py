# gradrepl-corpus: target=conv.weight cause=inplace_saved_tensor line=14 symptom=error
import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(2, 4, 3, padding=1)

    def forward(self, x):
        x = F.relu(self.conv(x))
        x[x > 6] = 6.0  # relu6
        return x.mean()


conv_block = Block()
conv = conv_block.conv
loss = conv_block(torch.randn(2, 2, 5, 5) * 10)
loss.backward()
