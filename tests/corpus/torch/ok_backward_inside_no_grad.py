# gradrepl-corpus: target=w cause=none
# gradrepl-corpus: target=b cause=none
import torch

torch.manual_seed(0)
w = torch.randn(3, 2, requires_grad=True)
b = torch.zeros(2, requires_grad=True)
x, y = torch.randn(10, 3), torch.randint(0, 2, (10,))

for step in range(4):
    logits = x @ w + b
    loss = torch.nn.functional.cross_entropy(logits, y)
    with torch.no_grad():
        w.grad = None
        b.grad = None
        loss.backward()  # backward does not care about grad mode
        w -= 0.1 * w.grad
        b -= 0.1 * b.grad
print(w.grad, b.grad)
