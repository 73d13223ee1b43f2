"""Policy-gradient entropy bonus with illegal actions masked out."""
import torch
from torch import nn

torch.manual_seed(0)
policy = nn.Linear(4, 5)
states = torch.randn(8, 4)
legal = torch.tensor([True, True, False, True, False])  # actions 2 and 4 are illegal


def loss_fn():
    logits = policy(states).masked_fill(~legal, float("-inf"))
    probs = torch.softmax(logits, dim=-1)  # exactly 0 for the illegal actions
    # log(0) has an infinite slope even in the branch where() drops: feed it 1 there
    safe = torch.where(probs > 0, probs, 1.0)
    plogp = torch.where(probs > 0, probs * torch.log(safe), 0.0)
    return 0.01 * plogp.sum(dim=-1).mean()  # = -0.01 * entropy


loss = loss_fn()
loss.backward()
print("entropy:", -loss.item() / 0.01)
print("policy.weight.grad:", policy.weight.grad)
