# gradrepl-corpus: target=w cause=none
import torch
from torch.autograd import Variable

w = Variable(torch.randn(3, 1), requires_grad=True)
x = Variable(torch.randn(10, 3))
loss = (x.mm(w) ** 2).mean()
loss.backward()
print(w.grad.data)
