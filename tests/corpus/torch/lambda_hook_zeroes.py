# gradrepl-corpus: target=emb.weight cause=hook_or_custom_fn line=11 symptom=grad_zero
# gradrepl-corpus: target=out.weight cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
emb = nn.Embedding(20, 6)
out = nn.Linear(6, 2)
tokens = torch.randint(0, 20, (4, 7))
h = emb(tokens)
h.register_hook(lambda g: g * (g.abs() > 1.0))  # keep only large gradients
logits = out(h.mean(1))
loss = nn.functional.cross_entropy(logits, torch.tensor([0, 1, 0, 1]))
loss.backward()
print(emb.weight.grad.abs().sum())
