# gradrepl-corpus: target=w cause=hook_or_custom_fn line=18 symptom=error
import torch


class ScaledClamp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, w):
        ctx.save_for_backward(x, w)
        return (x * w).clamp(-1, 1)

    @staticmethod
    def backward(ctx, grad_out):
        x, w = ctx.saved_tensors
        inside = ((x * w).abs() <= 1).to(grad_out.dtype)
        grad_x = grad_out * w * inside
        grad_w = (grad_out * x * inside).sum(0)
        # forgot grad_w
        return grad_x


w = torch.ones(3, requires_grad=True)
x = torch.randn(5, 3, requires_grad=True)
y = ScaledClamp.apply(x, w)
y.sum().backward()
print(w.grad)
