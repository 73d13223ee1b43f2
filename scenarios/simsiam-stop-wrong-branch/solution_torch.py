"""SimSiam-style step: predict one view's embedding from the other view."""
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 8))
predictor = nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 8))
x = torch.randn(32, 8)
view1 = x + 0.1 * torch.randn(32, 8)
view2 = x + 0.1 * torch.randn(32, 8)


def loss_fn():
    z1, z2 = encoder(view1), encoder(view2)
    p1 = predictor(z1)
    # stop the gradient on the target side (z2); the predicting side must learn
    return -F.cosine_similarity(p1, z2.detach(), dim=1).mean()


loss = loss_fn()
loss.backward()
print("predictor grad:", predictor[0].weight.grad)
