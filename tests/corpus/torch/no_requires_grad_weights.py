# gradrepl-corpus: target=w1 cause=no_requires_grad line=7 symptom=error
# gradrepl-corpus: target=w2 cause=no_requires_grad line=8 symptom=error
import torch

x = torch.randn(64, 10)
y = torch.randn(64, 1)
w1 = torch.randn(10, 20)
w2 = torch.randn(20, 1)

for step in range(2):
    h = torch.relu(x @ w1)
    loss = ((h @ w2 - y) ** 2).mean()
    loss.backward()
