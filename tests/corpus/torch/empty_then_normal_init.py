# gradrepl-corpus: target=W cause=inplace_leaf line=5 symptom=error
import torch

W = torch.empty(5, 3, requires_grad=True)
W.normal_(0.0, 0.02)
x = torch.randn(4, 5)
(x @ W).relu().sum().backward()
