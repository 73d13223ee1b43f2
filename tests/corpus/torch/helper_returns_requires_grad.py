# gradrepl-corpus: target=net.weight cause=no_grad_context line=10 symptom=grad_none
import torch
import torch.nn as nn

net = nn.Linear(4, 3)


def predict(batch):
    with torch.no_grad():
        logits = net(batch)
    return logits.requires_grad_()


x, y = torch.randn(10, 4), torch.randint(0, 3, (10,))
loss = nn.functional.cross_entropy(predict(x), y)
loss.backward()
print(net.weight.grad)
