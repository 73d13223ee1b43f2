# gradrepl-corpus: target=net[0].weight cause=non_differentiable_op line=10 symptom=error
import torch
import torch.nn as nn

net = nn.Sequential(nn.Linear(6, 4), nn.Softmax(dim=1))
criterion = nn.MSELoss()
x = torch.randn(9, 6)
labels = torch.randint(0, 4, (9,))
outputs = net(x)
loss = criterion(outputs.argmax(1).float(), labels.float())
loss.backward()
