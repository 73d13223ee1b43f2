# gradrepl-corpus: target=logits cause=nan_at_singularity line=6 symptom=grad_nan
import torch

logits = torch.tensor([[120.0, 0.0, -120.0]], requires_grad=True)
probs = torch.softmax(logits, dim=1)
log_probs = torch.log(probs)
target = torch.tensor([2])
loss = torch.nn.functional.nll_loss(log_probs, target)
loss.backward()
print(logits.grad)
