# gradrepl-corpus: target=logits cause=inplace_saved_tensor line=6 symptom=error
import torch

logits = torch.randn(3, 5, requires_grad=True)
e = torch.exp(logits)
e /= e.sum(dim=1, keepdim=True)
target = torch.tensor([1, 0, 4])
nll = -torch.log(e[torch.arange(3), target]).mean()
nll.backward()
