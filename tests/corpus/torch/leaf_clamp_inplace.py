# gradrepl-corpus: target=bounds cause=inplace_leaf line=5 symptom=error
import torch

bounds = torch.tensor([-2.0, 5.0, 0.5], requires_grad=True)
bounds.clamp_(0.0, 1.0)
area = bounds.prod()
area.backward()
