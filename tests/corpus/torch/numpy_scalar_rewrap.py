# gradrepl-corpus: target=gain cause=numpy_roundtrip line=7 symptom=grad_none
import numpy as np
import torch

gain = torch.tensor(0.8, requires_grad=True)
signal = torch.linspace(0, 1, 20)
peak = np.float32((gain * signal).max().item())
loss = (torch.tensor(peak) - 1.0) ** 2 + 0 * signal.sum()
loss.requires_grad_()
loss.backward()
print(gain.grad)
