# gradrepl-corpus: target=x cause=hook_or_custom_fn line=11 symptom=grad_none
import torch


class ClampSTE(torch.autograd.Function):
    @staticmethod
    def forward(ctx, inp):
        return inp.clamp(-1, 1)

    @staticmethod
    def backward(ctx, grad_out):
        grad_in = grad_out.clone()


x = torch.randn(6, requires_grad=True)
y = ClampSTE.apply(x * 2)
y.sum().backward()
print(x.grad)
