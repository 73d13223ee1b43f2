# gradrepl-corpus: target=logits cause=where_nan line=7 symptom=grad_nan
import torch

logits = torch.tensor([2.0, -30.0, 0.5, -200.0], requires_grad=True)
p = torch.softmax(logits, dim=0)
plogp = p * torch.log(p)
ent = -torch.where(p > 0, plogp, torch.zeros_like(p)).sum()
ent.backward()
print(logits.grad)
