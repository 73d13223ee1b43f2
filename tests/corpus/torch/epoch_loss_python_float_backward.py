# gradrepl-corpus: target=model.weight cause=numpy_roundtrip line=13 symptom=error
import torch
import torch.nn as nn

model = nn.Linear(8, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
batches = [(torch.randn(5, 8), torch.randint(0, 2, (5,))) for _ in range(4)]

total_loss = 0
optimizer.zero_grad()
for xb, yb in batches:
    loss = nn.functional.cross_entropy(model(xb), yb)
    total_loss += loss.item()
total_loss = total_loss / len(batches)
total_loss.backward()
optimizer.step()
