# gradrepl-corpus: target=w cause=none
import torch

torch.manual_seed(0)
w = torch.randn(5, requires_grad=True)
x = torch.randn(40, 5)
y = x @ torch.ones(5)
history = []
snapshots = []
for step in range(10):
    pred = x @ w
    loss = ((pred - y) ** 2).mean()
    history.append(loss.detach())
    snapshots.append(w.clone().detach())
    if w.grad is not None:
        w.grad.zero_()
    loss.backward()
    with torch.no_grad():
        w -= 0.05 * w.grad
print(torch.stack(history).mean().item(), snapshots[-1])
