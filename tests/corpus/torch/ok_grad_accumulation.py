# gradrepl-corpus: target=model cause=none
import torch
import torch.nn as nn


def main():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(6, 16), nn.GELU(), nn.Linear(16, 1))
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    accum_steps = 4
    micro_batches = [(torch.randn(4, 6), torch.randn(4, 1)) for _ in range(10)]
    for i, (xb, yb) in enumerate(micro_batches):
        if i % accum_steps == 0:
            optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(xb), yb)
        loss /= accum_steps
        loss.backward()
        if (i + 1) % accum_steps == 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
    print(model[0].weight.grad.norm())


main()
