# gradrepl-corpus: target=params cause=rebind_non_leaf line=6 symptom=grad_none
import numpy as np
import torch

init = np.array([0.5, -1.0, 2.0])
params = torch.from_numpy(init).requires_grad_(True).float()
t = torch.linspace(0, 1, 10)
curve = params[0] + params[1] * t + params[2] * t ** 2
loss = (curve ** 2).mean()
loss.backward()
print(params.grad)
