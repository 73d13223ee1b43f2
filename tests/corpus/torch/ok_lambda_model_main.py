# gradrepl-corpus: target=slope cause=none
# gradrepl-corpus: target=intercept cause=none
import torch


def main():
    slope = torch.tensor(0.0, requires_grad=True)
    intercept = torch.tensor(0.0, requires_grad=True)
    model = lambda t: slope * t + intercept
    xs = torch.linspace(0, 1, 30)
    ys = 2.5 * xs - 1.0 + 0.05 * torch.randn(30)
    opt = torch.optim.SGD([slope, intercept], lr=0.5)
    for _ in range(50):
        opt.zero_grad()
        loss = torch.mean((model(xs) - ys) ** 2)
        loss.backward()
        opt.step()
    print(slope.item(), intercept.item(), slope.grad)


if __name__ == "__main__":
    main()
