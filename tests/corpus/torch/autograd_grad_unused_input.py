# gradrepl-corpus: target=b2 cause=unused_parameter line=7 symptom=error
import torch

torch.manual_seed(0)
W1 = torch.randn(3, 5, requires_grad=True)
b1 = torch.zeros(5, requires_grad=True)
b2 = torch.zeros(1, requires_grad=True)
W2 = torch.randn(5, 1, requires_grad=True)


def forward(x):
    h = torch.relu(x @ W1 + b1)
    return h @ W2


x, y = torch.randn(8, 3), torch.randn(8, 1)
loss = ((forward(x) - y) ** 2).mean()
grads = torch.autograd.grad(loss, [W1, b1, W2, b2])
for p, g in zip([W1, b1, W2, b2], grads):
    p.data -= 0.1 * g
