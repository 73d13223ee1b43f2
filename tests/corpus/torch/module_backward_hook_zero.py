# gradrepl-corpus: target=enc.weight cause=hook_or_custom_fn line=10 symptom=grad_zero
# gradrepl-corpus: target=dec.weight cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
enc = nn.Linear(6, 4)
bottleneck = nn.Linear(4, 4)
dec = nn.Linear(4, 6)
bottleneck.register_full_backward_hook(lambda mod, gin, gout: (torch.zeros_like(gin[0]),))
x = torch.randn(8, 6)
recon = dec(torch.relu(bottleneck(torch.relu(enc(x)))))
loss = ((recon - x) ** 2).mean()
loss.backward()
print(enc.weight.grad.abs().sum(), dec.weight.grad.abs().sum())
