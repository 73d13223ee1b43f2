# gradrepl-corpus: target=student.weight cause=no_grad_context line=12 symptom=error
import torch
import torch.nn as nn

torch.manual_seed(0)
teacher = nn.Linear(10, 10)
student = nn.Linear(10, 10)
opt = torch.optim.SGD(student.parameters(), lr=0.1)
x = torch.randn(32, 10)

with torch.inference_mode():
    soft = torch.softmax(teacher(x) / 2.0, dim=-1)

log_p = torch.log_softmax(student(x) / 2.0, dim=-1)
loss = -(soft * log_p).sum(-1).mean()
opt.zero_grad()
loss.backward()
opt.step()
