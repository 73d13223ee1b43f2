# gradrepl-corpus: target=image cause=none
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 3))
for p in model.parameters():
    p.requires_grad_(False)
image = torch.rand(1, 8, requires_grad=True)
label = torch.tensor([2])

loss = nn.functional.cross_entropy(model(image), label)
loss.backward()
adv = (image + 0.05 * image.grad.sign()).clamp(0, 1).detach()
print(model(adv).argmax().item(), image.grad.norm().item())
