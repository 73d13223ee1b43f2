# gradrepl-corpus: target=student.weight cause=detach line=11 symptom=grad_none
# gradrepl-corpus: target=teacher.weight cause=none
import torch
import torch.nn as nn

teacher = nn.Linear(8, 4)
student = nn.Linear(8, 4)
x = torch.randn(16, 8)
t_out = teacher(x)
s_out = student(x)
distill = nn.functional.mse_loss(t_out, s_out.detach())
distill.backward()
print(student.weight.grad)
