"""Learn per-channel gains for a mixer, starting from the values in a config."""
import torch

config = {"gains": [1, 2, 1]}
torch.manual_seed(0)
signals = torch.randn(3, 100)
target = torch.tensor([0.5, 1.5, 1.0]) @ signals

# the config holds integers; gradients need a floating-point tensor
gains = torch.tensor(config["gains"], dtype=torch.float32)
gains.requires_grad_()


def loss_fn():
    return ((gains @ signals - target) ** 2).mean()


loss = loss_fn()
loss.backward()
print("gains.grad:", gains.grad)
