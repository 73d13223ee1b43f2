"""Benchmark: ``gradrepl check`` over the shipped scenarios in one Runner vs one process per scenario.

Both designs run the same scenarios the same way (starter and solution of every
framework, judged). A: one ``gradrepl check`` over all of them, one Runner,
each framework imported once, torch and TensorFlow halves in two lanes at
once. B: one ``gradrepl check <scenario>`` process per scenario, each
importing its frameworks again. Rounds alternate A and B; the ratio A/B is
taken inside each round and the median reported.

    .venv/bin/python bench/bench_checker.py [--rounds 2] [-k PATTERN]

Target (the issue): at most one import per framework, then at most 60 ms per
scenario amortised, i.e. (A's check time - the slower framework's time to
ready) / scenarios <= 60 ms. Also printed: A's whole process per scenario,
B per scenario, and where A's run time goes (starters, solutions, per
framework; the five slowest runs).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 60.0


@dataclass
class Run:
    """One ``gradrepl check`` process."""

    wall_s: float
    exit_code: int
    check_s: float = math.nan
    """The checker's own duration (from its JSON), without interpreter start-up."""
    ready_s: float = math.nan
    """When the slower framework's worker was ready, counted from the check's start."""
    results: list[dict[str, Any]] = field(default_factory=list)
    lanes: dict[str, tuple[float, float]] = field(default_factory=dict)
    """Per framework: (ready, lane ended), seconds from the check's start."""


def _check(paths: list[str]) -> Run:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "gradrepl", "check", *paths, "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    run = Run(time.perf_counter() - started, done.returncode)
    try:
        document = json.loads(done.stdout)
    except ValueError:
        return run
    run.check_s = float(document.get("duration_s", math.nan))
    ready = document.get("ready_s") or {}
    run.ready_s = max(ready.values()) if ready else math.nan
    run.results = document.get("results", [])
    done = document.get("done_s") or {}
    run.lanes = {fw: (ready[fw], done[fw]) for fw in ready if fw in done}
    return run


def _breakdown(results: list[dict[str, Any]], n: int) -> list[str]:
    """Summed run time per framework and phase, and the slowest runs."""
    sums: dict[tuple[str, str], float] = {}
    for r in results:
        if r.get("framework"):
            key = (r["framework"], r["phase"])
            sums[key] = sums.get(key, 0.0) + r["duration_ms"]
    lines = [f"  {fw} {phase}: {ms:.0f} ms summed ({ms / n:.0f} ms/scenario)" for (fw, phase), ms in sorted(sums.items())]
    slowest = sorted((r for r in results if r.get("framework")), key=lambda r: -r["duration_ms"])[:5]
    lines += [f"  slow: {r['scenario']} [{r['framework']}] {r['phase']} {r['duration_ms']:.0f} ms" for r in slowest]
    return lines


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
    a_runs: list[Run] = []
    b_ms: list[float] = []
    ratios: list[float] = []
    for round_no in range(args.rounds):
        a = _check(paths)
        b_wall = sum(_check([path]).wall_s for path in paths)
        a_runs.append(a)
        b_ms.append(b_wall * 1000 / n)
        ratios.append(a.wall_s / b_wall)
        past = (a.check_s - a.ready_s) * 1000 / n
        print(f"round {round_no + 1}: A {a.wall_s * 1000 / n:.0f} ms/scenario whole process (exit {a.exit_code}), "
              f"{past:.0f} ms/scenario past the imports (ready after {a.ready_s:.2f} s); "
              f"B {b_ms[-1]:.0f} ms/scenario; A/B {ratios[-1]:.3f}")
    whole = statistics.median(r.wall_s * 1000 / n for r in a_runs)
    past = statistics.median((r.check_s - r.ready_s) * 1000 / n for r in a_runs)
    ready = statistics.median(r.ready_s for r in a_runs)
    b, ratio = statistics.median(b_ms), statistics.median(ratios)
    print(f"median: A {whole:.0f} ms/scenario whole process, B {b:.0f} ms/scenario, A/B {ratio:.3f} ({1 / ratio:.1f}x faster)")
    print(f"A: frameworks ready after {ready:.2f} s (imported once each), then {past:.0f} ms/scenario amortised")
    print(f"target <= {TARGET_MS:.0f} ms/scenario past the imports: {'met' if past <= TARGET_MS else 'NOT met'}")
    lanes = ", ".join(f"{fw} ready {r:.2f} s, done {d:.2f} s" for fw, (r, d) in a_runs[-1].lanes.items())
    print(f"lanes (last round; the slower one sets the time): {lanes or 'not reported'}")
    print("where A's run time goes (last round; the two lanes overlap, so the sums exceed the wall time):")
    print("\n".join(_breakdown(a_runs[-1].results, n)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
