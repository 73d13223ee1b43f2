# gradrepl-corpus: target=theta cause=rebind_non_leaf line=6 symptom=grad_none
import numpy as np
import torch

init = np.array([0.5, -0.25, 1.0])
theta = torch.tensor(init, requires_grad=True).float()
feats = torch.randn(10, 3)
loss = torch.sigmoid(feats @ theta).mean()
loss.backward()
print(theta.grad)
