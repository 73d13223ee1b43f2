# gradrepl-corpus: target=backbone.weight cause=retain_graph line=11 symptom=error
import torch
import torch.nn as nn

backbone = nn.Linear(10, 4)
head = nn.Linear(4, 1)
opt = torch.optim.SGD(list(backbone.parameters()) + list(head.parameters()), lr=0.01)
x = torch.randn(32, 10)
y = torch.randn(32, 1)

features = torch.relu(backbone(x))
for epoch in range(10):
    pred = head(features)
    loss = nn.functional.mse_loss(pred, y)
    opt.zero_grad()
    loss.backward()
    opt.step()
