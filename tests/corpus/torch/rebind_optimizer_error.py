# gradrepl-corpus: target=weight cause=rebind_non_leaf line=4 symptom=error
import torch

weight = torch.randn(5, 5, requires_grad=True) / 5 ** 0.5
bias = torch.zeros(5, requires_grad=True)
opt = torch.optim.Adam([weight, bias], lr=1e-3)
