# gradrepl-corpus: target=student cause=none
import copy
import torch
import torch.nn as nn

student = nn.Linear(8, 4)
teacher = copy.deepcopy(student)
for p in teacher.parameters():
    p.requires_grad_(False)
opt = torch.optim.SGD(student.parameters(), lr=0.1)
x = torch.randn(16, 8)
for _ in range(3):
    loss = nn.functional.mse_loss(student(x + 0.1 * torch.randn_like(x)), teacher(x))
    opt.zero_grad()
    loss.backward()
    opt.step()
    with torch.no_grad():
        for t, s in zip(teacher.parameters(), student.parameters()):
            t.mul_(0.9).add_(0.1 * s)
