# gradrepl-corpus: target=model.weight cause=grads_cleared line=12 symptom=grad_none
import torch

model = torch.nn.Linear(3, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.randn(8, 3)
y = torch.randn(8, 1)

for step in range(4):
    loss = torch.nn.functional.mse_loss(model(x), y)
    loss.backward()
    opt.zero_grad()
    opt.step()

print("weight grad:", model.weight.grad)
