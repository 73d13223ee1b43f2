# gradrepl-corpus: target=w cause=none
# gradrepl-corpus: target=b cause=none
import torch

x = torch.linspace(-2, 2, 50).unsqueeze(1)
y = 1.5 * x - 0.7 + 0.05 * torch.randn_like(x)
w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)

for step in range(100):
    loss = ((x @ w + b - y) ** 2).mean()
    if w.grad is not None:
        w.grad.zero_()
        b.grad.zero_()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad
        b -= 0.1 * b.grad
print(w.item(), b.item())
