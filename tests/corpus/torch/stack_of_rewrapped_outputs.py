# gradrepl-corpus: target=rnn.weight_hh_l0 cause=numpy_roundtrip line=14 symptom=error
import torch
import torch.nn as nn

torch.manual_seed(0)
rnn = nn.RNN(2, 5, batch_first=True)
proj = nn.Linear(5, 1)
opt = torch.optim.Adam(list(rnn.parameters()) + list(proj.parameters()), lr=1e-3)
sequences = [torch.randn(1, n, 2) for n in (4, 6, 3)]
targets = torch.randn(3)

opt.zero_grad()
outs = [proj(rnn(s)[0][:, -1]).squeeze() for s in sequences]
preds = torch.stack([torch.tensor(o.item()) for o in outs])
loss = nn.functional.mse_loss(preds, targets)
loss.backward()
opt.step()
