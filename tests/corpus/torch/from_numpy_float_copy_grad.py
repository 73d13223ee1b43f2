# gradrepl-corpus: target=x cause=none
# gradrepl-corpus: target=x32 cause=non_leaf_access line=8 symptom=grad_none
import numpy as np
import torch

arr = np.linspace(0.0, 1.0, 6)
x = torch.from_numpy(arr).requires_grad_()
x32 = x.float()
y = torch.sin(x32 * 3.0).sum()
y.backward()
print(x.grad, x32.grad)
