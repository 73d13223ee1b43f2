# gradrepl-corpus: target=trunk.weight cause=none
# gradrepl-corpus: target=heads cause=none
import torch
import torch.nn as nn

torch.manual_seed(0)
trunk = nn.Linear(8, 16)
heads = nn.ModuleDict({"age": nn.Linear(16, 1), "gender": nn.Linear(16, 2), "mood": nn.Linear(16, 4)})
weights = {"age": 0.5, "gender": 1.0, "mood": 2.0}
params = list(trunk.parameters()) + list(heads.parameters())
opt = torch.optim.Adam(params, lr=1e-3)

x = torch.randn(10, 8)
targets = {"age": torch.randn(10, 1), "gender": torch.randint(0, 2, (10,)), "mood": torch.randint(0, 4, (10,))}
criteria = {"age": nn.MSELoss(), "gender": nn.CrossEntropyLoss(), "mood": nn.CrossEntropyLoss()}

feats = torch.relu(trunk(x))
losses = {k: criteria[k](head(feats), targets[k]) for k, head in heads.items()}
loss = sum(weights[k] * l for k, l in losses.items())
opt.zero_grad()
loss.backward()
opt.step()
print({k: round(v.item(), 3) for k, v in losses.items()})
