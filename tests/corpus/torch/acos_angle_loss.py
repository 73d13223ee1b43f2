# gradrepl-corpus: target=v cause=nan_at_singularity line=7 symptom=grad_nan
import torch

v = torch.tensor([1.0, 0.0, 0.0], requires_grad=True)
u = torch.tensor([2.0, 0.0, 0.0])
cos = (v * u).sum() / (v.norm() * u.norm())
angle = torch.acos(cos)
angle.backward()
print(v.grad)
