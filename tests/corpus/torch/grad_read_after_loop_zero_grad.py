# gradrepl-corpus: target=model.weight cause=grads_cleared line=14 symptom=grad_none
import torch
import torch.nn as nn

model = nn.Linear(3, 1)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
x, y = torch.randn(20, 3), torch.randn(20, 1)

for it in range(5):
    pred = model(x)
    loss = nn.functional.mse_loss(pred, y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()

grad_norm = model.weight.grad
print("grad norm after training:", grad_norm)
