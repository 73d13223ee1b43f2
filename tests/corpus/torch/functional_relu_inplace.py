# gradrepl-corpus: target=proj.weight cause=inplace_saved_tensor line=8 symptom=error
import torch
import torch.nn.functional as F

proj = torch.nn.Linear(6, 6)
x = torch.randn(3, 6)
gate = torch.sigmoid(proj(x))
out = F.relu(gate - 0.5, inplace=False) + F.relu(gate, inplace=True)
out.sum().backward()
