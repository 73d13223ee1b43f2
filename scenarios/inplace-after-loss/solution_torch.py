"""Two small objectives; each logs a shifted or scaled copy of an intermediate."""
import torch

# objective 1: a parabola
x = torch.tensor([2.0], requires_grad=True)
y = x**2
loss = y.mean()
y.add_(1)  # harmless: neither ** nor mean saved y for their backward
loss.backward()
print("x.grad:", x.grad)

# objective 2: the mean of a gate
z = torch.tensor([0.5], requires_grad=True)
gate = torch.sigmoid(z)
gate_loss = gate.mean()
percent = gate * 100  # a new tensor: sigmoid's saved output stays untouched
gate_loss.backward()
print("gate:", percent.item(), "%")
print("z.grad:", z.grad)
