"""Measures what recording costs: a small MLP training step plain, recorded, and under anomaly mode.

Runs the three variants interleaved in rounds (the machine is shared and noisy;
each variant's time in a round is the best of a few batches) and prints the
median step time of each and the median per-round ratio to the plain step.
Target: recording <= 1.5x (anomaly mode is ~5x). "bare mode" is a TorchFunctionMode
that does nothing: torch's own cost of dispatching every call to a mode (the
recorder takes the optimizer's step and zero_grad off the mode, so it can come
out close to it).

    python bench/bench_recording.py [--rounds 15] [--steps 50]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from typing import Any, Callable

STEP = """\
import torch
torch.manual_seed(0)
model = torch.nn.Sequential(
    torch.nn.Linear(32, 64), torch.nn.ReLU(), torch.nn.Linear(64, 64), torch.nn.ReLU(), torch.nn.Linear(64, 10))
opt = torch.optim.SGD(model.parameters(), lr=0.01)
x = torch.randn(64, 32)
y = torch.randint(0, 10, (64,))
def step():
    opt.zero_grad()
    loss = torch.nn.functional.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
    return loss
"""


def _namespace() -> dict[str, Any]:
    ns: dict[str, Any] = {"__name__": "__main__"}
    exec(compile(STEP, "bench_step.py", "exec"), ns)  # noqa: S102 - our own benchmark code
    return ns


def _time(steps: int, wrap: Callable[[], Any], batches: int = 5) -> float:
    """Seconds per step: the best of a few batches (other processes only ever add time)."""
    with wrap():
        step = _namespace()["step"]  # built inside: the recorder sees the model and optimizer made
        step()  # warm
        best = float("inf")
        for _ in range(batches):
            start = time.perf_counter()
            for _ in range(steps):
                step()
            best = min(best, (time.perf_counter() - start) / steps)
        return best


def main(argv: list[str] | None = None) -> int:
    import contextlib
    import warnings

    import torch

    warnings.simplefilter("ignore")  # anomaly mode announces itself every time it is entered

    from gradrepl.backends.torch import TorchBackend

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--steps", type=int, default=20)
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    backend = TorchBackend()
    backend.load()
    torch.set_num_threads(1)
    from torch.overrides import TorchFunctionMode

    class BareMode(TorchFunctionMode):
        """A mode that does nothing: what torch's dispatch to any mode costs."""

        def __torch_function__(self, func: Any, types: Any, args: Any = (), kwargs: Any = None) -> Any:
            return func(*args, **(kwargs or {}))

    variants: dict[str, Callable[[], Any]] = {
        "plain": contextlib.nullcontext,
        "bare mode": BareMode,
        "recorded": lambda: backend.recording("bench_step.py"),
        "anomaly": lambda: torch.autograd.detect_anomaly(check_nan=False),
    }
    times: dict[str, list[float]] = {name: [] for name in variants}
    ratios: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(args.rounds):
        order = list(variants)
        random.shuffle(order)
        result = {name: _time(args.steps, variants[name]) for name in order}
        for name, seconds in result.items():
            times[name].append(seconds)
            ratios[name].append(seconds / result["plain"])
    print(f"small MLP training step (3 Linear, batch 64, 1 thread), {args.rounds} rounds x {args.steps} steps")
    print(f"{'variant':<10} {'median ms':>10} {'ratio to plain':>15}")
    for name in variants:
        print(f"{name:<10} {statistics.median(times[name]) * 1000:>10.3f} {statistics.median(ratios[name]):>14.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
