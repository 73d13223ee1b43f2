# gradrepl-corpus: target=lengths cause=where_nan line=7 symptom=grad_nan
import torch

lengths = torch.tensor([3.0, 0.0, 5.0], requires_grad=True)
totals = torch.tensor([6.0, 0.0, 10.0])
avg = totals / lengths
avg = avg.masked_fill(lengths == 0, 0.0)
avg.sum().backward()
print(lengths.grad)
