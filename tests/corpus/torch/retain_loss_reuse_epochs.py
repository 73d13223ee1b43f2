# gradrepl-corpus: target=w cause=retain_graph line=8 symptom=error
import torch

w = torch.randn(3, requires_grad=True)
x = torch.randn(20, 3)
y = torch.randn(20)
opt = torch.optim.SGD([w], lr=0.01)
loss = ((x @ w - y) ** 2).mean()
for epoch in range(5):
    opt.zero_grad()
    loss.backward()
    opt.step()
