# gradrepl-corpus: target=model.weight cause=no_grad_context line=12 symptom=error
import torch
import torch.nn as nn

# copied from the inference script
torch.set_grad_enabled(False)

model = nn.Linear(10, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
x, y = torch.randn(16, 10), torch.randn(16, 1)

pred = model(x)
loss = ((pred - y) ** 2).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
