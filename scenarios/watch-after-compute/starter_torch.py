"""How sensitive is a projectile's range to its launch angle?"""
import math
import torch

g = 9.81
speed = torch.tensor(20.0)
angle = torch.tensor(math.radians(30.0))

flight_range = speed**2 * torch.sin(2.0 * angle) / g
angle.requires_grad_()
flight_range.backward()
print("d range / d angle:", angle.grad)
