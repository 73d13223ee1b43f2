# gradrepl-corpus: target=model cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.ReLU(), nn.Linear(4, 2))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
checkpoint = {k: v.clone() * 0.5 for k, v in model.state_dict().items()}
model.load_state_dict(checkpoint)  # copies into the same parameters
x = torch.randn(6, 4)
loss = model(x).logsumexp(1).mean()
optimizer.zero_grad()
loss.backward()
optimizer.step()
