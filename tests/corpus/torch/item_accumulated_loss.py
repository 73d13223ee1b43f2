# gradrepl-corpus: target=w cause=numpy_roundtrip line=10 symptom=grad_none
import torch

w = torch.randn(4, 1, requires_grad=True)
data = [(torch.randn(4), torch.randn(1)) for _ in range(5)]

total = 0.0
for x, y in data:
    err = (x @ w - y) ** 2
    total += err.item()

loss = torch.tensor(total / len(data), requires_grad=True)
loss.backward()
print("w.grad =", w.grad)
