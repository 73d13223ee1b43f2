# gradrepl-corpus: target=clf.weight cause=no_grad_context line=12 symptom=grad_none
import torch
import torch.nn as nn

clf = nn.Linear(5, 3)
opt = torch.optim.SGD(clf.parameters(), lr=0.1)
x, y = torch.randn(8, 5), torch.randint(0, 3, (8,))

with torch.no_grad():
    val_logits = clf(x)
    val_acc = (val_logits.argmax(1) == y).float().mean()
    train_logits = clf(x)

loss = nn.functional.cross_entropy(train_logits, y).requires_grad_()
opt.zero_grad()
loss.backward()
opt.step()
print(clf.weight.grad)
