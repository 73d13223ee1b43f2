"""Benchmarks the Textual app headless; prints each measure beside its target and a baseline.

    .venv/bin/python bench/bench_app.py [--rounds N] [--skip-torch]

1. start-up: the UI painted and a key handled, against the framework becoming
   ready (both from process start, in a fresh process);
2. stopped edit -> tree and findings on screen (torch and fake, after warm-up),
   from the debounce firing and from the last keystroke;
3. the gradient tree of a 100,000-node graph: first view and one expand,
   against an eager Textual Tree of only 20,000 nodes;
4. a key press while user code runs, against the same key press when idle.

Everything runs headless through ``App.run_test``; pilot overhead (about 80 ms a
key press, 30-50 ms a pause) is in every figure, as in the research targets.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADREPL_STATE_DIR", tempfile.mkdtemp(prefix="gradrepl-bench-"))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Tree  # noqa: E402

from gradrepl.app.app import GradreplApp, Opening  # noqa: E402
from gradrepl.app.main import make_app  # noqa: E402
from gradrepl.app.screens.workspace import WorkspaceScreen  # noqa: E402
from gradrepl.app.widgets.gradient_tree import GradientTree  # noqa: E402
from gradrepl.core.graph_view import GraphView  # noqa: E402
from gradrepl.core.report import Graph, GraphNode  # noqa: E402
from gradrepl.runner.runner import Runner  # noqa: E402

TORCH_SNIPPET = """\
import torch
x = torch.randn(4, 3)
w = torch.randn(3, 2, requires_grad=True)
b = torch.zeros(2, requires_grad=True)
h = torch.tanh(x @ w + b) * {k}
loss = (h ** 2).mean()
loss.backward()
"""
FAKE_SNIPPET = """\
import fakegrad as fg
x = fg.tensor(2.0, requires_grad=True)
w = fg.tensor({k}.0, requires_grad=True)
loss = (x * w).tanh() * x
loss.backward()
"""
SLEEPER = "import time\ntime.sleep(60)\n"


def row(name: str, value_ms: float, target_ms: float | None = None, baseline: tuple[str, float] | None = None) -> None:
    text = f"{name:<52} {value_ms:9.1f} ms"
    if target_ms is not None:
        text += f"   target <= {target_ms:.0f} ms ({'ok' if value_ms <= target_ms else 'MISSED'})"
    if baseline is not None:
        label, base = baseline
        text += f"   {label} {base:.1f} ms, ratio {value_ms / base:.2f}"
    print(text, flush=True)


# -- 1. start-up ----------------------------------------------------------------------------

STARTUP_PROBE = """
import time, sys, os, asyncio
t0 = time.perf_counter()
from gradrepl.app.main import make_app
from gradrepl.app.app import Opening
app = make_app(Opening("script", sys.argv[1]))
async def main():
    async with app.run_test() as pilot:
        painted = time.perf_counter() - t0
        screen = app.screen
        handled = []
        hint = screen.action_hint
        def timed():
            handled.append(time.perf_counter() - t0)
            return hint()
        screen.action_hint = timed
        await pilot.press("ctrl+t")
        while not app.is_ready(sys.argv[2]):
            await pilot.pause(0.01)
        print(painted, handled[0], time.perf_counter() - t0)
asyncio.run(main())
"""


def bench_startup(framework: str, script: Path, rounds: int) -> None:
    painted, handled, ready = [], [], []
    for _ in range(rounds):
        out = subprocess.run([sys.executable, "-c", STARTUP_PROBE, str(script), framework], capture_output=True,
                             text=True, check=True, env={**os.environ, "GRADREPL_STATE_DIR": tempfile.mkdtemp()})
        a, b, c = (float(v) * 1000 for v in out.stdout.split())
        painted.append(a)
        handled.append(b)
        ready.append(c)
    base = (f"{framework} ready", statistics.median(ready))
    row(f"start-up: first paint ({framework} script)", statistics.median(painted), 500, base)
    row(f"start-up: first key handled ({framework} script)", statistics.median(handled), 500, base)


# -- 2. edit -> screen ------------------------------------------------------------------------


async def _edit_to_screen(app: GradreplApp, snippet: str, rounds: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"updated": [], "dispatch": [], "painted": []}
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        while screen.workspace.report is None or screen.workspace.pending:
            await pilot.pause(0.02)
        marks: dict[str, float] = {}
        original_run_now, original_after = screen.run_now, screen.after_run

        def run_now() -> None:
            marks["dispatch"] = time.perf_counter()
            original_run_now()

        def after_run() -> None:
            original_after()
            marks["shown"] = time.perf_counter()

        screen.run_now = run_now  # type: ignore[method-assign]
        screen.after_run = after_run  # type: ignore[method-assign]
        for k in range(rounds):
            marks.clear()
            start = time.perf_counter()
            screen.editor.text = snippet.format(k=k + 2)  # the last keystroke
            while "shown" not in marks or screen.workspace.pending:
                await asyncio.sleep(0.001)
            await pilot.pause()  # the compositor paints the new tree (the pause has a floor of its own)
            out["updated"].append((marks["shown"] - start) * 1000)
            out["dispatch"].append((marks["shown"] - marks["dispatch"]) * 1000)
            out["painted"].append((time.perf_counter() - start) * 1000)
    return out


def bench_edit(framework: str, snippet: str, runner: Runner, rounds: int) -> None:
    path = Path(tempfile.mkdtemp()) / f"edit_{framework}.py"
    path.write_text(snippet.format(k=1))
    app = make_app(Opening("script", str(path), framework), runner=runner)
    times = asyncio.run(_edit_to_screen(app, snippet, rounds))
    debounce = ("debounce", app.debounce * 1000)
    med = {key: statistics.median(values) for key, values in times.items()}
    row(f"edit -> tree+findings set, {framework} (from debounce firing)", med["dispatch"], 100)
    row(f"edit -> tree+findings set, {framework} (from last keystroke)", med["updated"], 100, debounce)
    row(f"edit -> painted, {framework} (+ one pilot pause)", med["painted"], None, debounce)


# -- 3. big graph -------------------------------------------------------------------------------


def residual_graph(n: int) -> Graph:
    """A residual stack: every add has two inputs, so paths double at each block."""
    nodes = [GraphNode(id=i, op="AddBackward0" if i % 2 else "ReluBackward0", line=i % 40 + 1) for i in range(n)]
    nodes[0].kind, nodes[0].label = "root", "loss"
    for i in range(n - 200, n):
        nodes[i].kind, nodes[i].op, nodes[i].label = "leaf", "AccumulateGrad", f"p{i}"
    children = [[i + 1, i + 2] if i + 2 < n - 200 else [] for i in range(n)]
    children[n - 201] = list(range(n - 200, n))
    return Graph(root=0, nodes=nodes, children=children)


class LazyTreeApp(App[None]):
    def compose(self) -> ComposeResult:
        yield GradientTree(id="tree")


class EagerTreeApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Tree("graph", id="tree")


async def _lazy(graph: Graph) -> tuple[float, float, float]:
    app = LazyTreeApp()
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.query_one(GradientTree)
        await pilot.pause()
        t0 = time.perf_counter()
        view = GraphView(graph)
        t1 = time.perf_counter()
        tree.view = view
        await pilot.pause()
        t2 = time.perf_counter()
        node = tree.root.children[0]
        while node.children and node.children[0].is_expanded:
            node = node.children[0]
        target = next((c for c in node.children if c.allow_expand and not c.is_expanded), None)
        t3 = time.perf_counter()
        if target is not None:
            target.expand()
        await pilot.pause()
        t4 = time.perf_counter()
    return (t1 - t0) * 1000, (t2 - t0) * 1000, (t4 - t3) * 1000


async def _eager(n: int) -> float:
    app = EagerTreeApp()
    async with app.run_test(size=(120, 40)) as pilot:
        tree: Tree[None] = app.query_one(Tree)
        await pilot.pause()
        t0 = time.perf_counter()
        parent = tree.root
        for i in range(n):
            parent.add_leaf(f"node {i}")
        tree.root.expand()
        await pilot.pause()
        return (time.perf_counter() - t0) * 1000


def bench_tree() -> None:
    graph = residual_graph(100_000)
    build, first, expand = asyncio.run(_lazy(graph))
    eager = asyncio.run(_eager(20_000))
    row("100k-node graph: build the GraphView model", build)
    row("100k-node graph: first view of the tree (model incl.)", first, 100, ("eager Tree of 20k", eager))
    row("100k-node graph: expand one node", expand, 100)


# -- 4. keys while user code runs -----------------------------------------------------------------


async def _key_latency(app: GradreplApp, presses: int) -> tuple[float, float]:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, WorkspaceScreen)
        while screen.workspace.report is None or screen.workspace.pending:
            await pilot.pause(0.02)
        idle = await _press_times(pilot, screen, presses)
        screen.editor.text = SLEEPER
        while not app.policy.in_flight(screen.workspace.framework):
            await pilot.pause(0.01)
        busy = await _press_times(pilot, screen, presses)
        app.runner.cancel(screen.workspace.framework)
    return idle, busy


async def _press_times(pilot: Any, screen: WorkspaceScreen, presses: int) -> float:
    times = []
    for _ in range(presses):
        t0 = time.perf_counter()
        await pilot.press("f4")  # move focus: a binding handled by the app, no run involved
        await pilot.press("f2")
        times.append((time.perf_counter() - t0) * 500)
    return statistics.median(times)


def bench_keys(framework: str, snippet: str, runner: Runner, presses: int) -> None:
    path = Path(tempfile.mkdtemp()) / "keys.py"
    path.write_text(snippet.format(k=1))
    app = make_app(Opening("script", str(path), framework), runner=runner, cancel_after=120.0, timeout=120.0)
    idle, busy = asyncio.run(_key_latency(app, presses))
    row(f"key press while user code runs ({framework})", busy, None, ("idle", idle))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--skip-torch", action="store_true")
    args = parser.parse_args()
    frameworks: list[tuple[str, str]] = [("fake", FAKE_SNIPPET)]
    if not args.skip_torch:
        frameworks.append(("torch", TORCH_SNIPPET))
    tmp = Path(tempfile.mkdtemp())
    for framework, snippet in frameworks:
        script = tmp / f"start_{framework}.py"
        script.write_text(snippet.format(k=1))
        bench_startup(framework, script, max(3, args.rounds // 3))
    with Runner(spare=False) as runner:
        for framework, snippet in frameworks:
            runner.start(framework)
            runner.wait_ready(framework, 300)
            bench_edit(framework, snippet, runner, args.rounds)
        bench_tree()
        for framework, snippet in frameworks:
            bench_keys(framework, snippet, runner, args.rounds)


if __name__ == "__main__":
    main()
