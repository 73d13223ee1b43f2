# gradrepl-corpus: target=policy.weight cause=non_differentiable_op line=9 symptom=error
import torch
import torch.nn as nn

policy = nn.Linear(4, 3)
state = torch.randn(1, 4)
probs = torch.softmax(policy(state), dim=-1)
dist = torch.distributions.Categorical(probs=probs)
action = dist.sample()
reward = 1.0
loss = -(action.float() * reward).mean()
loss.backward()
