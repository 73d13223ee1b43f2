# gradrepl-corpus: target=model.weight cause=no_grad_context line=17 symptom=error
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(30, 3), torch.randn(30, 1)

loss = nn.functional.mse_loss(model(x), y)
for it in range(3):
    opt.zero_grad()
    loss.backward()
    with torch.no_grad():
        opt.step()
        # loss for the next iteration (and for the log)
        loss = nn.functional.mse_loss(model(x), y)
    print(it, loss.item())
