# gradrepl-corpus: target=shared.weight cause=retain_graph line=16 symptom=error
import torch
import torch.nn as nn

shared = nn.Linear(6, 6)
actor = nn.Linear(6, 2)
critic = nn.Linear(6, 1)
opt_actor = torch.optim.Adam(list(shared.parameters()) + list(actor.parameters()))
opt_critic = torch.optim.Adam(list(shared.parameters()) + list(critic.parameters()))

state = torch.randn(5, 6)
feat = torch.relu(shared(state))
actor_loss = -actor(feat).log_softmax(-1)[:, 0].mean()
critic_loss = critic(feat).pow(2).mean()
opt_actor.zero_grad()
actor_loss.backward()
opt_actor.step()
opt_critic.zero_grad()
critic_loss.backward()
opt_critic.step()
