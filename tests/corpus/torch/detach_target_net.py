# gradrepl-corpus: target=q_net[0].weight cause=detach line=14 symptom=grad_none
import torch
import torch.nn as nn

q_net = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 2))
optim = torch.optim.Adam(q_net.parameters(), lr=1e-3)

states = torch.randn(8, 4)
actions = torch.randint(0, 2, (8,))
rewards = torch.randn(8)
next_states = torch.randn(8, 4)

q_values = q_net(states)
q_taken = q_values.gather(1, actions.unsqueeze(1)).squeeze(1).detach()
with torch.no_grad():
    next_q = q_net(next_states).max(1).values
target = rewards + 0.99 * next_q
loss = ((q_taken - target) ** 2).mean()
loss.requires_grad = True
optim.zero_grad()
loss.backward()
optim.step()
print(q_net[0].weight.grad)
