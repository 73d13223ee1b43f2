"""Learn per-channel gains for a mixer, starting from the values in a config."""
import torch

config = {"gains": [1, 2, 1]}
torch.manual_seed(0)
signals = torch.randn(3, 100)
target = torch.tensor([0.5, 1.5, 1.0]) @ signals

gains = torch.tensor(config["gains"])
gains.requires_grad_()
mix = gains.float() @ signals
loss = ((mix - target) ** 2).mean()
loss.backward()
print("gains.grad:", gains.grad)
