# gradrepl-corpus: target=weights cause=int_dtype line=5 symptom=error
import torch

counts = torch.tensor([3.0, 1.0, 4.0, 1.0])
weights = torch.tensor([1, 1, 1, 1], requires_grad=True)
score = (counts * weights).sum()
score.backward()
print(weights.grad)
