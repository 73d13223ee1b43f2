# gradrepl-corpus: target=policy.weight cause=none
import torch
import torch.nn as nn

policy = nn.Linear(4, 3)
state = torch.randn(1, 4)
dist = torch.distributions.Categorical(logits=policy(state))
action = dist.sample()
reward = torch.tensor(1.0)
loss = -(dist.log_prob(action) * reward).mean()
loss.backward()
print(action.item(), policy.weight.grad.norm().item())
