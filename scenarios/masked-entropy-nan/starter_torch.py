"""Policy-gradient entropy bonus with illegal actions masked out."""
import torch
from torch import nn

torch.manual_seed(0)
policy = nn.Linear(4, 5)
states = torch.randn(8, 4)
legal = torch.tensor([True, True, False, True, False])  # actions 2 and 4 are illegal

logits = policy(states).masked_fill(~legal, float("-inf"))
probs = torch.softmax(logits, dim=-1)  # exactly 0 for the illegal actions
# 0 * log(0) counts as 0 in the entropy
plogp = torch.where(probs > 0, probs * torch.log(probs), 0.0)
entropy = -plogp.sum(dim=-1).mean()
loss = -0.01 * entropy
loss.backward()
print("entropy:", entropy.item())
print("policy.weight.grad:", policy.weight.grad)
