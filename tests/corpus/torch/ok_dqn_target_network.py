# gradrepl-corpus: target=q_net cause=none
import copy
import torch
import torch.nn as nn

q_net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
target_net = copy.deepcopy(q_net)
opt = torch.optim.Adam(q_net.parameters(), lr=1e-3)
for step in range(3):
    s, a, r, s2 = torch.randn(8, 4), torch.randint(0, 2, (8,)), torch.randn(8), torch.randn(8, 4)
    with torch.no_grad():
        target = r + 0.99 * target_net(s2).max(1).values
    q = q_net(s).gather(1, a.unsqueeze(1)).squeeze(1)
    loss = nn.functional.smooth_l1_loss(q, target)
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 2 == 0:
        target_net.load_state_dict(q_net.state_dict())
