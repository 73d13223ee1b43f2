# gradrepl-corpus: target=prompt cause=detach line=7 symptom=grad_none
# gradrepl-corpus: target=body cause=none
import torch

prompt = torch.randn(2, 8, requires_grad=True)
body = torch.randn(6, 8, requires_grad=True)
seq = torch.cat([prompt.detach(), body], dim=0)
proj = torch.randn(8, 8)
loss = (seq @ proj).tanh().pow(2).sum()
loss.backward()
print(prompt.grad, body.grad.shape)
