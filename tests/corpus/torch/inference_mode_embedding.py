# gradrepl-corpus: target=embed.weight cause=no_grad_context line=11 symptom=error
import torch
import torch.nn as nn

embed = nn.Embedding(100, 16)
clf = nn.Linear(16, 4)
tokens = torch.randint(0, 100, (8, 5))
labels = torch.randint(0, 4, (8,))

with torch.inference_mode():
    vecs = embed(tokens).mean(dim=1)

logits = clf(vecs)
loss = nn.functional.cross_entropy(logits, labels)
loss.backward()
