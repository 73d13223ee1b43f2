# gradrepl-corpus: target=policy[0].weight cause=no_grad_context line=21 symptom=error
import torch
import torch.nn as nn

torch.manual_seed(0)
n_obs, n_act = 4, 2
policy = nn.Sequential(nn.Linear(n_obs, 32), nn.ReLU(), nn.Linear(32, n_act))
target_net = nn.Sequential(nn.Linear(n_obs, 32), nn.ReLU(), nn.Linear(32, n_act))
target_net.load_state_dict(policy.state_dict())
optimizer = torch.optim.RMSprop(policy.parameters(), lr=1e-3)
gamma = 0.99

states = torch.randn(16, n_obs)
actions = torch.randint(0, n_act, (16, 1))
rewards = torch.randn(16)
next_states = torch.randn(16, n_obs)
dones = torch.zeros(16)


with torch.no_grad():
    q = policy(states).gather(1, actions).squeeze(1)
    next_q = target_net(next_states).max(1).values
    expected = rewards + gamma * next_q * (1 - dones)

loss = nn.functional.smooth_l1_loss(q, expected)
optimizer.zero_grad()
loss.backward()
optimizer.step()
