# gradrepl-corpus: target=feature.weight cause=none
import torch
import torch.nn as nn


class GradReverse(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.view_as(x)

    @staticmethod
    def backward(ctx, grad_output):
        return -grad_output


feature = nn.Linear(8, 8)
head = nn.Linear(8, 2)
loss = nn.functional.cross_entropy(head(GradReverse.apply(feature(torch.randn(6, 8)))), torch.randint(0, 2, (6,)))
loss.backward()
