# gradrepl-corpus: target=attn.q.weight cause=inplace_saved_tensor line=21 symptom=error
import math

import torch
import torch.nn as nn


class SelfAttention(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.q = nn.Linear(d, d)
        self.k = nn.Linear(d, d)
        self.v = nn.Linear(d, d)
        self.d = d

    def forward(self, x, pad):
        q, k, v = self.q(x), self.k(x), self.v(x)
        scores = q @ k.transpose(-2, -1) / math.sqrt(self.d)
        weights = scores.softmax(dim=-1)
        # zero the attention paid to padding positions
        weights[pad.unsqueeze(1).expand_as(weights)] = 0.0
        return weights @ v


torch.manual_seed(0)
attn = SelfAttention(16)
x = torch.randn(2, 5, 16)
pad = torch.tensor([[False, False, False, True, True], [False, False, False, False, True]])
out = attn(x, pad)
loss = out.pow(2).mean()
loss.backward()
