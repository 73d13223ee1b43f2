"""Benchmark: ``gradrepl check`` over the shipped scenarios in one Runner vs one process per scenario.

Both designs run the same scenarios the same way (starter and solution of every
framework, judged). A: one ``gradrepl check`` over all of them, one Runner,
each framework imported once. B: one ``gradrepl check <scenario>`` process per
scenario, each importing its frameworks again. Rounds alternate A and B; the
ratio is taken inside each round and the median reported.

    .venv/bin/python bench/bench_checker.py [--rounds 2] [-k PATTERN]

Target: A at most 60 ms per scenario amortised (framework start-up included).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 60.0


def _check(paths: list[str]) -> tuple[float, int, float]:
    """Run ``gradrepl check`` on ``paths``: wall seconds, exit code, and the ms spent in runs."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "gradrepl", "check", *paths, "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    try:
        runs_ms = sum(r["duration_ms"] for r in json.loads(done.stdout)["results"])
    except (ValueError, KeyError):
        runs_ms = float("nan")
    return wall, done.returncode, runs_ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("-k", dest="pattern", default="")
    args = parser.parse_args()
    scenarios = sorted(p.parent for p in (ROOT / "scenarios").glob("*/scenario.toml") if args.pattern in p.parent.name)
    if not scenarios:
        print("no scenarios to check", file=sys.stderr)
        return 2
    paths = [str(p.relative_to(ROOT)) for p in scenarios]
    n = len(paths)
    print(f"{n} scenarios, {args.rounds} rounds (A: one Runner for all; B: one process per scenario)")
    a_ms: list[float] = []
    a_runs: list[float] = []
    b_ms: list[float] = []
    ratios: list[float] = []
    for round_no in range(args.rounds):
        a_wall, a_code, runs_ms = _check(paths)
        b_wall = 0.0
        for path in paths:
            wall, _, _ = _check([path])
            b_wall += wall
        a_ms.append(a_wall * 1000 / n)
        a_runs.append(runs_ms / n)
        b_ms.append(b_wall * 1000 / n)
        ratios.append(a_wall / b_wall)
        print(f"round {round_no + 1}: A {a_ms[-1]:.0f} ms/scenario (exit {a_code}), B {b_ms[-1]:.0f} ms/scenario, A/B {ratios[-1]:.3f}")
    a, b, ratio = statistics.median(a_ms), statistics.median(b_ms), statistics.median(ratios)
    marginal = statistics.median(a_runs)
    print(f"median: A {a:.0f} ms/scenario, B {b:.0f} ms/scenario, A/B {ratio:.3f} ({1 / ratio:.1f}x faster)")
    print(f"A without start-up (the runs alone, both phases, all frameworks): {marginal:.0f} ms/scenario")
    print(f"A amortised start-up: {a - marginal:.0f} ms/scenario at {n} scenarios")
    print(f"target <= {TARGET_MS:.0f} ms/scenario: runs alone {'met' if marginal <= TARGET_MS else 'NOT met'}, "
          f"amortised with start-up {'met' if a <= TARGET_MS else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
