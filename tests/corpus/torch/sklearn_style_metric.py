# gradrepl-corpus: target=head.weight cause=numpy_roundtrip line=17 symptom=grad_none
import numpy as np
import torch
import torch.nn as nn

head = nn.Linear(5, 1)
features = torch.randn(40, 5)
labels = (torch.rand(40) > 0.5).float()


def log_loss(y_true, y_prob):
    y_prob = np.clip(y_prob, 1e-7, 1 - 1e-7)
    return -np.mean(y_true * np.log(y_prob) + (1 - y_true) * np.log(1 - y_prob))


probs = torch.sigmoid(head(features)).squeeze(1)
value = log_loss(labels.numpy(), probs.detach().numpy())
loss = torch.tensor(value, requires_grad=True)
loss.backward()
print(head.weight.grad)
