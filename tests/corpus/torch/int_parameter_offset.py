# gradrepl-corpus: target=shift.offset cause=int_dtype line=10 symptom=error
import torch
import torch.nn as nn


class LearnedShift(nn.Module):
    def __init__(self):
        super().__init__()
        self.gain = nn.Parameter(torch.ones(4))
        self.offset = nn.Parameter(torch.tensor([0, 0, 0, 0]))

    def forward(self, x):
        return x * self.gain + self.offset


shift = LearnedShift()
out = shift(torch.randn(3, 4))
out.sum().backward()
