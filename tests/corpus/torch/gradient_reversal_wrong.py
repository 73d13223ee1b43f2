# gradrepl-corpus: target=feature.weight cause=hook_or_custom_fn line=14 symptom=grad_zero
import torch
import torch.nn as nn


class GradReverse(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, lambd):
        ctx.lambd = lambd
        return x.view_as(x)

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * 0 * -ctx.lambd, None


feature = nn.Linear(8, 8)
domain_head = nn.Linear(8, 2)
x = torch.randn(6, 8)
d = torch.randint(0, 2, (6,))
feats = feature(x)
rev = GradReverse.apply(feats, 1.0)
loss = nn.functional.cross_entropy(domain_head(rev), d)
loss.backward()
print(feature.weight.grad.abs().sum())
