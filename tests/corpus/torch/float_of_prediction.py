# gradrepl-corpus: target=w cause=numpy_roundtrip line=6 symptom=error
import torch

w = torch.tensor([0.3, -0.2], requires_grad=True)
xs = [torch.tensor([1.0, 2.0]), torch.tensor([0.5, -1.0])]
preds = [float(w @ x) for x in xs]
loss = torch.tensor(sum(p ** 2 for p in preds))
loss.backward()
