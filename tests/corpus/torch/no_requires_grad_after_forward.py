# gradrepl-corpus: target=theta cause=no_requires_grad line=6 symptom=error
import torch

theta = torch.tensor([0.1, 0.2, 0.3])
phase = torch.cos(theta).prod()
theta.requires_grad_(True)
phase.backward()
