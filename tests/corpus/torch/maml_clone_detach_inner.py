# gradrepl-corpus: target=theta cause=detach line=13 symptom=grad_none
import torch

torch.manual_seed(0)
theta = torch.randn(4, 1, requires_grad=True)
meta_opt = torch.optim.Adam([theta], lr=1e-2)
tasks = [(torch.randn(10, 4), torch.randn(10, 1), torch.randn(10, 4), torch.randn(10, 1)) for _ in range(3)]

meta_opt.zero_grad()
outer_total = 0.0
for xs, ys, xq, yq in tasks:
    # start each task from the meta-parameters
    fast = theta.clone().detach().requires_grad_(True)
    inner = ((xs @ fast - ys) ** 2).mean()
    (g,) = torch.autograd.grad(inner, fast, create_graph=True)
    fast = fast - 0.1 * g
    outer = ((xq @ fast - yq) ** 2).mean()
    outer.backward()
    outer_total += outer.item()
meta_opt.step()
print(outer_total, theta.grad)
