# gradrepl-corpus: target=a cause=numpy_roundtrip line=8 symptom=error
import numpy as np
import torch

a = torch.tensor(1.5, requires_grad=True)
b = a * 2
c = a ** 2
stacked = np.array([b, c])
total = torch.tensor(stacked).sum()
total.backward()
