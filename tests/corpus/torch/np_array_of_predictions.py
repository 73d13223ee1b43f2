# gradrepl-corpus: target=reg.weight cause=numpy_roundtrip line=9 symptom=error
import numpy as np
import torch
import torch.nn as nn

reg = nn.Linear(2, 1)
samples = [torch.randn(2) for _ in range(6)]
labels = np.random.default_rng(1).normal(size=6).astype(np.float32)
preds = np.array([reg(s) for s in samples]).ravel()
loss = torch.tensor(np.mean((preds - labels) ** 2), requires_grad=True)
loss.backward()
