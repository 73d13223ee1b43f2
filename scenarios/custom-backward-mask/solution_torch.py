"""A clipping activation with a straight-through gradient inside its range."""
import torch


class ClipSTE(torch.autograd.Function):
    """Clamp to [-1, 1]; let the gradient through where the input was in range."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x.clamp(-1.0, 1.0)

    @staticmethod
    def backward(ctx, grad_out):
        (x,) = ctx.saved_tensors
        return grad_out * (x.abs() <= 1.0)  # pass where in range, block where clipped


torch.manual_seed(0)
x = torch.randn(16, 4)
w = (0.1 * torch.randn(4, 3)).requires_grad_()
target = torch.randn(16, 3).clamp(-1, 1)


def loss_fn():
    return ((ClipSTE.apply(x @ w) - target) ** 2).mean()


loss = loss_fn()
loss.backward()
print("w.grad:", w.grad)
