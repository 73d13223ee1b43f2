# gradrepl-corpus: target=pos cause=nan_at_singularity line=6 symptom=grad_nan
import torch

pos = torch.tensor([[0.0, 0.0], [1.0, 1.0], [0.0, 0.0]], requires_grad=True)
d2 = ((pos[0] - pos[2]) ** 2).sum() + ((pos[0] - pos[1]) ** 2).sum()
energy = d2.pow(0.5) + ((pos[0] - pos[2]) ** 2).sum().pow(0.5)
energy.backward()
print(pos.grad)
