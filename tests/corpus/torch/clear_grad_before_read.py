# gradrepl-corpus: target=theta cause=grads_cleared line=11 symptom=grad_none
import torch

theta = torch.tensor([0.5, -0.5], requires_grad=True)
for it in range(3):
    loss = (theta ** 2).sum() + theta.prod()
    loss.backward()
    grad_norm = theta.grad.norm().item()
    with torch.no_grad():
        theta -= 0.1 * theta.grad
    theta.grad = None
print("final grad:", theta.grad, grad_norm)
