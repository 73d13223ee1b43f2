"""Provides run_phase(): run a scenario's starter or solution in a Runner and judge it.

Shared by ``gradrepl check`` and the pytest plugin: both hold one Runner (one
warm worker per framework) and run scenarios one after another through it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any, Protocol

from gradrepl.core.checks import PhaseResult, Verdict, judge_content, judge_solution, judge_starter, solution_requests
from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest
from gradrepl.diagnosis.engine import ensure_findings
from gradrepl.core.scenario import FRAMEWORKS, Scenario
from gradrepl.errors import FrameworkMissing, GradreplError

RUN_PHASES = ("starter", "solution")
TIMEOUT = 30.0
"""Seconds a scenario script may run; generous, since the machine may be busy."""


class RunnerLike(Protocol):
    """The part of ``gradrepl.runner.runner.Runner`` the checker uses."""

    def run(self, framework: str, request: RunRequest) -> RunReport: ...


def frameworks_needed(scenarios: Iterable[Scenario], only: str | None = None) -> list[str]:
    """The frameworks these scenarios use, in the canonical order, limited to ``only``."""
    used = {fw for s in scenarios for fw in s.frameworks}
    return [fw for fw in FRAMEWORKS if fw in used and (only is None or fw == only)]


def request_for(scenario: Scenario, framework: str, phase: str) -> RunRequest:
    """The RunRequest for one script of a scenario."""
    spec = scenario.spec(framework)
    path = spec.starter if phase == "starter" else spec.solution
    try:
        code = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GradreplError(f"cannot read the script: {error}", path=str(path)) from None
    checks = solution_requests(spec) if phase == "solution" else []
    return RunRequest(code=code, filename=str(path), targets=list(spec.targets), timeout=TIMEOUT, checks=checks)


def run_phase(runner: RunnerLike, scenario: Scenario, framework: str, phase: str) -> PhaseResult:
    """Run the starter or solution of ``scenario`` for ``framework`` and judge the report."""
    spec = scenario.spec(framework)
    script = (spec.starter if phase == "starter" else spec.solution).name
    started = time.perf_counter()
    try:
        request = request_for(scenario, framework, phase)
        report = runner.run(framework, request)
    except FrameworkMissing:
        raise  # not a failure of the scenario: the caller skips this framework
    except GradreplError as error:
        verdict = Verdict("", "run", False, f"{script}: {error}")
        return PhaseResult(scenario.id, framework, phase, script, (verdict,))
    ensure_findings(report, request.targets)
    judge = judge_starter if phase == "starter" else judge_solution
    return PhaseResult(
        scenario=scenario.id,
        framework=framework,
        phase=phase,
        script=script,
        verdicts=judge(spec, report),
        duration_ms=(time.perf_counter() - started) * 1000,
        output=_output(report),
        extra={"outcome": report.outcome, "findings": [_brief(f) for f in report.findings]},
    )


def content_phase(scenario: Scenario) -> PhaseResult:
    """The framework-free checks of a scenario: hints and source documents."""
    return PhaseResult(scenario.id, "", "content", "scenario.toml", judge_content(scenario))



def _output(report: RunReport) -> str:
    parts = [report.stdout.rstrip(), report.stderr.rstrip()]
    if report.error is not None and report.error.traceback:
        parts.append(report.error.traceback.rstrip())
    return "\n".join(p for p in parts if p)


def _brief(finding: Any) -> dict[str, Any]:
    return {"target": finding.target, "symptom": finding.symptom, "cause": finding.cause, "line": finding.line}
