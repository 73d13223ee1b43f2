# gradrepl-corpus: target=x cause=none
import torch


class SoftClamp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, inp):
        ctx.save_for_backward(inp)
        return inp.clamp(-1, 1)

    @staticmethod
    def backward(ctx, grad_out):
        (inp,) = ctx.saved_tensors
        return grad_out * (inp.abs() <= 1).float() + 0.01 * grad_out


x = torch.randn(6, requires_grad=True)
SoftClamp.apply(x * 2).sum().backward()
print(x.grad)
