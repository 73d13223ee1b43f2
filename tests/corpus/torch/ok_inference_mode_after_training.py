# gradrepl-corpus: target=w cause=none
# gradrepl-corpus: target=b cause=none
import torch

torch.manual_seed(0)
w = torch.zeros(3, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
xs = torch.randn(50, 3)
ys = xs @ torch.tensor([1.0, -2.0, 0.5]) + 0.3
opt = torch.optim.SGD([w, b], lr=0.1)
for _ in range(20):
    opt.zero_grad()
    loss = ((xs @ w + b - ys) ** 2).mean()
    loss.backward()
    opt.step()

with torch.inference_mode():
    preds = torch.randn(5, 3) @ w + b
print(preds, w.grad)
