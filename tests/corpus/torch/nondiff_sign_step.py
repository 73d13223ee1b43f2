# gradrepl-corpus: target=net.weight cause=non_differentiable_op line=8 symptom=grad_zero
import torch

net = torch.nn.Linear(3, 3)
x = torch.randn(10, 3)
target = torch.sign(torch.randn(10, 3))

binary = torch.sign(net(x))
loss = ((binary - target) ** 2).mean()
loss.backward()
print(net.weight.grad.abs().sum())
