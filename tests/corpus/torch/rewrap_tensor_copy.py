# gradrepl-corpus: target=theta cause=rewrap_tensor_constructor line=8 symptom=grad_none
import torch

theta = torch.tensor([0.5, -0.3], requires_grad=True)
t = torch.linspace(0, 1, 20)
obs = 2.0 * torch.exp(-1.5 * t)

params = torch.tensor([theta[0] * 4, theta[1] * 5], requires_grad=True)
pred = params[0] * torch.exp(params[1] * t)
loss = ((pred - obs) ** 2).sum()
loss.backward()
print(theta.grad)
