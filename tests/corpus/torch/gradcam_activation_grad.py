# gradrepl-corpus: target=acts cause=non_leaf_access line=15 symptom=error
import torch
import torch.nn as nn

torch.manual_seed(0)
features = nn.Sequential(nn.Conv2d(3, 6, 3, padding=1), nn.ReLU(), nn.Conv2d(6, 6, 3, padding=1), nn.ReLU())
classifier = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(6, 4))
features.eval()
classifier.eval()

img = torch.randn(1, 3, 12, 12)
for p in list(features.parameters()) + list(classifier.parameters()):
    p.requires_grad_(False)
img.requires_grad_(True)
acts = features(img)
logits = classifier(acts)
score = logits[0, logits.argmax()]
score.backward()
weights = acts.grad.mean(dim=(2, 3), keepdim=True)
cam = torch.relu((weights * acts).sum(1))
