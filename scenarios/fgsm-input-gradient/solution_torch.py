"""Fast gradient sign attack (FGSM) on a small classifier."""
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 3))
batch = np.random.default_rng(0).normal(size=(4, 8))  # NumPy gives float64
labels = torch.tensor([0, 2, 1, 0])

# convert first, then ask for the gradient: images is now the leaf itself
images = torch.from_numpy(batch).float().requires_grad_()


def loss_fn():
    return F.cross_entropy(model(images), labels)


loss = loss_fn()
loss.backward()

epsilon = 0.5
with torch.no_grad():
    adversarial = images + epsilon * images.grad.sign()
    print("loss on clean inputs:", loss.item())
    print("loss on attacked inputs:", F.cross_entropy(model(adversarial), labels).item())
