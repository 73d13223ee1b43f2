# gradrepl-corpus: target=model.weight cause=rewrap_tensor_constructor line=13 symptom=error
import torch
import torch.nn as nn

model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
batches = [(torch.randn(4, 3), torch.randn(4, 1)) for _ in range(3)]

losses = []
for xb, yb in batches:
    losses.append(nn.functional.mse_loss(model(xb), yb))

loss = torch.tensor(losses).mean()
opt.zero_grad()
loss.backward()
opt.step()
