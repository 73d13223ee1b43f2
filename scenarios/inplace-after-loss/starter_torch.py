"""Two small objectives; each logs a shifted or scaled copy of an intermediate."""
import torch

# objective 1: a parabola
x = torch.tensor([2.0], requires_grad=True)
y = x**2
loss = y.mean()
y.add_(1)  # the report shows y + 1
loss.backward()
print("x.grad:", x.grad)

# objective 2: the mean of a gate
z = torch.tensor([0.5], requires_grad=True)
gate = torch.sigmoid(z)
gate_loss = gate.mean()
gate.mul_(100)  # log the gate in percent
gate_loss.backward()
print("z.grad:", z.grad)
