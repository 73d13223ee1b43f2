"""Measures the autograd-graph extraction: walk plus JSON, for 1k/10k/100k-node graphs, a
10,000-deep chain and a 100k-node transformer-like block stack (none may be truncated), in nodes per second (target >= 300,000/s), side by side with torchviz's
make_dot (DOT source included) on the same graph when torchviz is importable. Then the
report frame of the 100k-node graph both ways (the worker's encode, the parent's decode and
rebuild of the RunReport), with the garbage collector paused as the protocol does and with it
left on, interleaved.

    python bench/bench_graph.py [--repeat 5]

torchviz is not a dependency of gradrepl; install it into the venv to compare.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any, Callable

CODE_DAG = """\
import torch
x = torch.randn(8, requires_grad=True)
w = torch.randn(8, requires_grad=True)
branches = []
for _ in range(STEPS):
    h = x
    for _ in range(30):
        h = torch.tanh(h * w + h)
    branches.append(h.sum())
loss = torch.stack(branches).sum()
"""
CODE_CHAIN = """\
import torch
x = torch.randn(8, requires_grad=True)
y = x
for _ in range(STEPS):
    y = torch.tanh(y)
loss = y.sum()
"""

CODE_BLOCKS = """\
import torch
torch.set_num_threads(1)
n, d, heads = 2, 64, 64
x = torch.randn(n, d)
def norm(h):
    return (h - h.mean(-1, keepdim=True)) / (h.var(-1, keepdim=True) + 1e-5).sqrt()
params = [torch.randn(d, d, requires_grad=True) for _ in range(6 * STEPS)]
h = x
for b in range(STEPS):
    wq, wk, wv, wo, w1, w2 = params[6 * b:6 * b + 6]
    q, k, v = h @ wq, h @ wk, h @ wv
    outs = [torch.softmax(q[:, i:i + 1] @ k[:, i:i + 1].T / 8.0, dim=-1) @ v[:, i:i + 1] for i in range(heads)]
    h = norm(h + torch.cat(outs, dim=-1) @ wo)
    h = norm(h + torch.relu(h @ w1) @ w2)
loss = h.pow(2).mean()
"""
"""A transformer-like block stack: wide (540 nodes a block), its longest path 22 a block."""


def build(code: str, steps: int) -> Any:
    """The loss of a recorded run (so nodes carry lines, as in real use)."""
    from gradrepl.backends.torch.local import shared_torch

    backend = shared_torch()
    ns: dict[str, Any] = {"__name__": "__main__"}
    with backend.recording("bench_graph.py"):
        exec(compile(code.replace("STEPS", str(steps)), "bench_graph.py", "exec"), ns)  # noqa: S102 - our own code
    backend.reset()
    return ns["loss"]


WALKED: dict[str, Any] = {}


def ours_walk(loss: Any) -> int:
    from gradrepl.backends.torch.graphwalk import walk

    result = walk([(loss.grad_fn, "loss")], lambda var: (None, None, None), limit=10_000_000)
    WALKED["graph"] = result.graph
    return len(result.graph.nodes)


def ours_json(loss: Any) -> int:
    from gradrepl.runner import protocol

    return len(protocol.encode({"op": "result", "graph": WALKED["graph"]}))  # as the worker sends a report


def theirs(loss: Any) -> int:
    from torchviz import make_dot

    dot = make_dot(loss)
    return dot.source.count("\n")


def best(fn: Callable[[Any], int], loss: Any, repeat: int) -> tuple[float, int | str]:
    times = []
    out: int | str = 0
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            out = fn(loss)
        except RecursionError:
            return float("nan"), "RecursionError"
        times.append(time.perf_counter() - start)
    return min(times), out


def isolated(fn: Callable[[Any], int], loss: Any, repeat: int) -> tuple[float, int | str]:
    """best() in a forked child: torchviz recurses, and on deep graphs it can crash the process."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    reader, writer = ctx.Pipe(duplex=False)

    def child() -> None:
        writer.send(best(fn, loss, repeat))

    proc = ctx.Process(target=child)
    proc.start()
    proc.join()
    if proc.exitcode != 0:
        return float("nan"), f"crashed ({proc.exitcode})"
    return reader.recv()  # type: ignore[no-any-return]


def frame_times(make_graph: Callable[[], Any], rounds: int) -> dict[str, dict[bool, list[float]]]:
    """Seconds of encode and of decode + rebuild of a report, GC paused or on. Each encode
    follows a fresh walk, as in the worker: the walk's 100k new objects are still young, and
    a collection during the encode would have to scan them all."""
    from gradrepl.core.report import RunReport, from_dict
    from gradrepl.runner import protocol

    times: dict[str, dict[bool, list[float]]] = {"encode": {True: [], False: []}, "decode": {True: [], False: []}}
    try:
        for _ in range(rounds):
            for pause in (True, False):
                report = RunReport(framework="torch", outcome="completed", script="bench.py", graph=make_graph())
                protocol.PAUSE_GC = pause
                start = time.perf_counter()
                frame = protocol.encode({"op": "result", "report": report})
                times["encode"][pause].append(time.perf_counter() - start)
                start = time.perf_counter()
                message = protocol.decode(frame[protocol.HEADER.size:])
                with protocol.gc_paused():  # as the runner rebuilds the report
                    from_dict(RunReport, message["report"])
                times["decode"][pause].append(time.perf_counter() - start)
                del report, frame, message
    finally:
        protocol.PAUSE_GC = True
    return times


def print_frames(loss: Any, rounds: int) -> None:
    import statistics

    def make_graph() -> Any:
        ours_walk(loss)
        return WALKED.pop("graph")

    times = frame_times(make_graph, rounds)
    nodes = ours_walk(loss)
    print(f"\nreport frame of {nodes:,} nodes, median of {rounds} interleaved rounds")
    print(f"{'step':<28} {'GC paused ms':>13} {'GC on ms':>9} {'on/paused':>10}")
    for step, label in (("encode", "worker: encode"), ("decode", "parent: decode + RunReport")):
        paused, on = statistics.median(times[step][True]), statistics.median(times[step][False])
        print(f"{label:<28} {paused * 1000:>13.1f} {on * 1000:>9.1f} {on / paused:>9.1f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    try:
        import torchviz  # noqa: F401
        have_torchviz = True
    except ImportError:
        have_torchviz = False
        print("torchviz not installed")
    # DAGs: branches of 30 blocks (mul, add, tanh) over shared leaves, ~91 nodes a branch; none may be truncated
    cases = [("DAG ~1k nodes", CODE_DAG, 11), ("DAG ~10k nodes", CODE_DAG, 110), ("DAG ~100k nodes", CODE_DAG, 1100),
             ("chain 10,000 deep", CODE_CHAIN, 10000), ("blocks ~100k nodes", CODE_BLOCKS, 190)]
    print(f"{'graph':<20} {'nodes':>7} {'walk ms':>8} {'+JSON ms':>9} {'nodes/s':>9} {'torchviz ms':>15} {'ratio':>6}")
    for label, code, steps in cases:
        loss = build(code, steps)
        walk_s, nodes = best(ours_walk, loss, args.repeat)
        if steps == 1100:
            big = loss
        json_s, _ = best(ours_json, loss, args.repeat)
        seconds = walk_s + json_s
        rate = float(nodes) / seconds
        row = f"{label:<20} {nodes:>7} {walk_s * 1000:>8.1f} {json_s * 1000:>9.1f} {rate:>9,.0f}"
        if WALKED["graph"].truncated:
            row += " (truncated!)"
        if have_torchviz:
            tv_seconds, tv = isolated(theirs, loss, max(1, args.repeat // 2))
            if isinstance(tv, str):
                row += f" {tv:>15} {'-':>6}"
            else:
                row += f" {tv_seconds * 1000:>15.1f} {tv_seconds / seconds:>5.1f}x"
        print(row)
    print("target: >= 300,000 nodes/s (walk + JSON); ratio = torchviz make_dot (with DOT source) / ours on the same graph")
    print_frames(big, max(5, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
