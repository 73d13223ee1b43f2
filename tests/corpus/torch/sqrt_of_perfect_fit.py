# gradrepl-corpus: target=w cause=nan_at_singularity line=8 symptom=grad_nan
import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = 2.0 * x
w = torch.tensor(2.0, requires_grad=True)
mse = ((w * x - y) ** 2).mean()
rmse = torch.sqrt(mse)
rmse.backward()
print(w.grad)
