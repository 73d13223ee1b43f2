"""Inspect the gradient of a parabola with a small helper before stepping."""
import torch

x = torch.tensor([2.0], requires_grad=True)


def get_grads(tensor):
    """The gradient stored on a tensor, for logging."""
    return tensor.grad


def loss_fn():
    return (x * x).sum()


loss = loss_fn()
loss.backward()  # the backward pass is what fills x.grad; reading it only looks
print("loss:", loss.item())
print("gradient of x:", get_grads(x))
