# gradrepl-corpus: target=layer.weight cause=inplace_saved_tensor line=9 symptom=error
import torch
import torch.nn as nn

layer = nn.Linear(4, 4)
x = torch.randn(2, 4)

h = torch.sigmoid(layer(x))
h += 0.1
loss = h.sum()
loss.backward()
