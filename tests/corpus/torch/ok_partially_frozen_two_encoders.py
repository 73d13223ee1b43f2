# gradrepl-corpus: target=text_enc.weight cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
image_enc = nn.Linear(20, 8)
text_enc = nn.Linear(12, 8)
fusion = nn.Linear(16, 2)
image_enc.requires_grad_(False)
opt = torch.optim.Adam(list(text_enc.parameters()) + list(fusion.parameters()), lr=1e-3)

imgs, txts = torch.randn(6, 20), torch.randn(6, 12)
labels = torch.randint(0, 2, (6,))
z = torch.cat([image_enc(imgs), text_enc(txts)], dim=1)
loss = nn.functional.cross_entropy(fusion(torch.relu(z)), labels)
opt.zero_grad()
loss.backward()
opt.step()
print(text_enc.weight.grad.norm(), image_enc.weight.grad)
