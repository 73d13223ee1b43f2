# gradrepl-corpus: target=hidden cause=non_leaf_access line=16 symptom=grad_none
# gradrepl-corpus: target=mlp.fc1.weight cause=none
import torch
import torch.nn as nn


class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 7)
        self.fc2 = nn.Linear(7, 1)


mlp = MLP()
x = torch.randn(3, 5)
hidden = torch.relu(mlp.fc1(x))
out = mlp.fc2(hidden).sum()
out.backward()
print("saliency of hidden units:", hidden.grad)
