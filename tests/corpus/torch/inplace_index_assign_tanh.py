# gradrepl-corpus: target=rnn_w cause=inplace_saved_tensor line=14 symptom=error
import torch

torch.manual_seed(0)
rnn_w = torch.randn(4, 4, requires_grad=True)
inputs = torch.randn(6, 4)
h = torch.zeros(4)
states = []
for t in range(6):
    h = torch.tanh(inputs[t] + rnn_w @ h)
    states.append(h)

last = states[-1]
last[0] = 0.0
loss = sum(s.sum() for s in states)
loss.backward()
