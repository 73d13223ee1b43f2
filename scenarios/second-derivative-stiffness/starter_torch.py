"""Stiffness of a bond: the second derivative of a Morse potential."""
import torch

x = torch.tensor([0.7, 1.0, 1.5], requires_grad=True)  # bond lengths
energy = (1 - torch.exp(-2.0 * (x - 1.0))) ** 2

(force,) = torch.autograd.grad(energy.sum(), x)
force.sum().backward()  # d(force)/dx = the stiffness, left in x.grad
print("stiffness:", x.grad)
