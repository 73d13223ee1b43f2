# gradrepl-corpus: target=model.weight cause=detach line=11 symptom=error
import torch

model = torch.nn.Linear(5, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
inputs = torch.randn(20, 5)
targets = torch.randn(20, 1)

for epoch in range(2):
    optimizer.zero_grad()
    preds = model(inputs).data
    loss = torch.nn.functional.mse_loss(preds, targets)
    loss.backward()
    optimizer.step()
