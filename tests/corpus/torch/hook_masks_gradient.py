# gradrepl-corpus: target=emb.weight cause=hook_or_custom_fn line=8 symptom=grad_zero
import torch
import torch.nn as nn

emb = nn.Embedding(10, 4)
trainable_rows = torch.zeros(10, 1)
trainable_rows[7:] = 1.0
emb.weight.register_hook(lambda g: g * trainable_rows)

ids = torch.tensor([0, 2, 3, 3])
loss = emb(ids).pow(2).sum()
loss.backward()
print(emb.weight.grad.abs().sum())
