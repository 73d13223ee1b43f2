# gradrepl-corpus: target=w_opt cause=optimizer_wrong_params line=7 symptom=grad_none
import torch

w_true = torch.tensor([2.0, -1.0])
w = torch.zeros(2, requires_grad=True)
w_opt = torch.zeros(2, requires_grad=True)
opt = torch.optim.Adam([w_opt], lr=0.1)

x = torch.randn(20, 2)
y = x @ w_true
for _ in range(5):
    opt.zero_grad()
    loss = ((x @ w - y) ** 2).mean()
    loss.backward()
    opt.step()
print(w_opt.grad)
