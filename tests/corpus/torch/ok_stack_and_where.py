# gradrepl-corpus: target=logits cause=none
import torch

logits = torch.randn(5, requires_grad=True)
probs = torch.softmax(logits, 0)
safe = torch.where(probs > 1e-8, probs, torch.ones_like(probs))
entropy = -(probs * torch.log(safe)).sum()
parts = torch.stack([entropy, probs.max()])
parts.sum().backward()
print(logits.grad)
