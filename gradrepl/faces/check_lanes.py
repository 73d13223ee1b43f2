"""Provides check_scenarios(): each framework's scenario halves in its own thread, results in scenario order.

torch and TensorFlow live in separate workers, so their halves of a check
need not wait for each other: one lane (thread) per framework feeds its worker
the scenarios in order, while the other framework is still importing or
running. A lane blocks only on its own worker's pipe, so two lanes use the
two workers at once. The results are put back in the order of the scenarios
and of their frameworks, whichever lane finishes first.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from gradrepl.core.checks import PhaseResult, Verdict
from gradrepl.core.scenario import Scenario
from gradrepl.errors import FrameworkMissing, GradreplError
from gradrepl.faces.check_formats import CheckRun, Skipped
from gradrepl.faces.progress import Progress
from gradrepl.faces.scenario_run import RUN_PHASES, content_phase, run_phase

Half = list[PhaseResult] | Skipped
"""What one scenario × framework gave: its starter and solution results, or why it was skipped."""


def check_scenarios(
    runner: Any,
    scenarios: list[Scenario],
    frameworks: list[str],
    missing: dict[str, str],
    check: CheckRun,
    progress: Progress,
    started: float,
) -> None:
    """Run every scenario's halves (one lane per framework) and append the results to ``check``.

    ``started`` is the ``perf_counter()`` the check began at: ``check.ready_s``
    and ``check.done_s`` record when each worker became ready and when its lane
    ended, counted from there.
    """
    halves: dict[tuple[int, str], Half] = {}
    lanes = [fw for fw in frameworks if any(fw in s.frameworks for s in scenarios)]
    with ThreadPoolExecutor(max_workers=max(1, len(lanes)), thread_name_prefix="gradrepl-check") as pool:
        futures = [pool.submit(_lane, runner, scenarios, fw, missing.get(fw), check, progress, halves, started) for fw in lanes]
        for future in futures:
            future.result()  # re-raises what a lane raised (FrameworkMissing for an explicit --framework)
    for index, scenario in enumerate(scenarios):
        check.results.append(content_phase(scenario))
        for fw in scenario.frameworks:
            half = halves.get((index, fw))
            if isinstance(half, Skipped):
                check.skipped.append(half)
            elif half is not None:
                check.results.extend(half)


def _lane(
    runner: Any,
    scenarios: list[Scenario],
    fw: str,
    missing: str | None,
    check: CheckRun,
    progress: Progress,
    halves: dict[tuple[int, str], Half],
    started: float,
) -> None:
    """One framework's halves, scenario after scenario (each lane writes only its own keys)."""
    for index, scenario in enumerate(scenarios):
        if fw not in scenario.frameworks:
            continue
        if missing:
            halves[index, fw] = Skipped(scenario.id, fw, missing)
            continue
        try:
            halves[index, fw] = _half(runner, scenario, fw, check, progress, started)
        except FrameworkMissing as error:
            missing = str(error)
            halves[index, fw] = Skipped(scenario.id, fw, missing)
    check.done_s[fw] = time.perf_counter() - started


def _half(runner: Any, scenario: Scenario, fw: str, check: CheckRun, progress: Progress, started: float) -> list[PhaseResult]:
    broken = _ready(runner, fw, check, started)
    results = []
    for phase in RUN_PHASES:
        if broken:
            spec = scenario.spec(fw)
            script = spec.starter.name if phase == "starter" else spec.solution.name
            results.append(PhaseResult(scenario.id, fw, phase, script, (Verdict("", "run", False, broken),)))
            continue
        progress.status(f"{scenario.id} [{fw}] {phase}")
        results.append(run_phase(runner, scenario, fw, phase))
    return results


def _ready(runner: Any, fw: str, check: CheckRun, started: float) -> str | None:
    """Why ``fw``'s worker cannot run scripts, or None when it is ready (asked once per framework)."""
    broken = check.broken_workers
    if fw not in broken:
        try:
            runner.wait_ready(fw)
            broken[fw] = ""
            check.ready_s[fw] = time.perf_counter() - started
        except FrameworkMissing:
            raise
        except GradreplError as error:
            broken[fw] = str(error)
    return broken[fw] or None
