# gradrepl-corpus: target=model.weight cause=detach line=7 symptom=error
import torch
import torch.nn as nn


def smooth_l1(pred, target, beta=1.0):
    diff = (pred - target).abs().detach()
    return torch.where(diff < beta, 0.5 * diff ** 2 / beta, diff - 0.5 * beta).mean()


model = nn.Linear(3, 1)
x, y = torch.randn(7, 3), torch.randn(7, 1)
loss = smooth_l1(model(x), y)
loss.backward()
