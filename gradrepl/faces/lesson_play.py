"""Provides LessonPlayer: replays a lesson's scripted steps against real runs, headless.

The player holds what a learner would have on screen: the scenario and
framework loaded, the code in the editor (after edits) and the last run's
report. Each ``play(step)`` returns a StepResult saying whether the step
behaved as scripted and, if not, why in one sentence.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from gradrepl.core import checks
from gradrepl.core.lesson import Lesson, Step
from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest
from gradrepl.core.scenario import FrameworkSpec, Scenario
from gradrepl.errors import GradreplError
from gradrepl.faces.scenario_run import RunnerLike

RUN_TIMEOUT = 30.0
"""Seconds a lesson's run may take; generous, the machine may be busy."""


@dataclass(frozen=True)
class StepResult:
    """How one step went."""

    passed: bool
    message: str = ""
    """Why it failed, or a short account of what it did."""
    shown: str = ""
    """Text the step displays (a section of lesson.md, a note)."""
    duration_ms: float = 0.0


class LessonPlayer:
    """Plays one lesson's steps in order through a Runner."""

    def __init__(self, lesson: Lesson, scenarios: dict[str, Scenario], runner: RunnerLike) -> None:
        self.lesson = lesson
        self.scenarios = scenarios
        self.runner = runner
        self.scenario: Scenario | None = None
        self.spec: FrameworkSpec | None = None
        self.code = ""
        self.is_solution = False
        """The code is the unchanged solution script, whose checks (finite differences) apply."""
        self.report: RunReport | None = None

    def play(self, step: Step) -> StepResult:
        started = time.perf_counter()
        try:
            result = getattr(self, f"_{step.kind}")(step)
        except GradreplError as error:
            result = StepResult(False, str(error))
        return StepResult(result.passed, result.message, result.shown, (time.perf_counter() - started) * 1000)

    # -- the step kinds ---------------------------------------------------

    def _show(self, step: Step) -> StepResult:
        if step.text:
            return StepResult(True, shown=step.text)
        section = self.lesson.section(step.section)
        if section is None:
            return StepResult(False, f"lesson.md has no '## {step.section}' section")
        return StepResult(True, shown=f"## {section.heading}\n\n{section.body}")

    def _load(self, step: Step) -> StepResult:
        scenario = self.scenarios.get(step.scenario)
        if scenario is None:
            return StepResult(False, f"scenario {step.scenario!r} was not found (or did not load)")
        framework = step.framework or scenario.frameworks[0]
        if framework not in scenario.frameworks:
            return StepResult(False, f"scenario {scenario.id!r} has no {framework} version")
        self.scenario, self.spec = scenario, scenario.spec(framework)
        path = self.spec.starter if step.file == "starter" else self.spec.solution
        self.code = _read(path)
        self.is_solution = step.file == "solution"
        self.report = None
        return StepResult(True, path.name)

    def _edit(self, step: Step) -> StepResult:
        assert self.spec is not None  # the loader guarantees a load step came first
        self.is_solution = step.solution
        if step.solution:
            self.code = _read(self.spec.solution)
            return StepResult(True)
        if step.lines is not None:
            return self._replace_lines(step.lines, step.replace)
        count = self.code.count(step.find)
        if count != 1:
            where = "does not occur" if count == 0 else f"occurs {count} times"
            return StepResult(False, f"the snippet {step.find!r} {where} in the code (it must occur exactly once)")
        self.code = self.code.replace(step.find, step.replace)
        return StepResult(True)

    def _replace_lines(self, lines: tuple[int, int], text: str) -> StepResult:
        first, last = lines
        current = self.code.splitlines(keepends=True)
        if last > len(current):
            return StepResult(False, f"lines {first}-{last} are past the end of the code ({len(current)} lines)")
        new = text if not text or text.endswith("\n") else text + "\n"
        self.code = "".join(current[: first - 1]) + new + "".join(current[last:])
        return StepResult(True)

    def _run(self, step: Step) -> StepResult:
        assert self.spec is not None
        path = self.spec.solution if self.is_solution else self.spec.starter
        request = RunRequest(
            code=self.code,
            filename=str(path),
            targets=list(self.spec.targets),
            timeout=RUN_TIMEOUT,
            checks=checks.solution_requests(self.spec) if self.is_solution else [],
        )
        report = self.runner.run(self.spec.framework, request)  # the Runner attaches findings
        self.report = report
        if report.outcome in ("timeout", "crashed", "cancelled"):
            reason = report.error.message if report.error else report.outcome
            return StepResult(False, f"the run did not finish ({report.outcome}): {reason}")
        summary = "completed" if report.outcome == "completed" else f"raised {report.error.type if report.error else ''}"
        return StepResult(True, f"{self.spec.framework}: {summary}")

    def _expect(self, step: Step) -> StepResult:
        assert self.report is not None and self.spec is not None
        failures = []
        if step.target:
            failures += _target_failures(step, self.report)
        if step.checks:
            failures += [v.message for v in checks.judge_solution(self.spec, self.report) if not v.passed]
        if step.error:
            failures += _error_failures(step.error, self.report)
        if step.output and step.output not in self.report.stdout + self.report.stderr:
            failures.append(f"the output does not contain {step.output!r} (it was: {_tail(self.report.stdout)!r})")
        if failures:
            failures += self.report.warnings  # e.g. a diagnosis that failed
            return StepResult(False, "; ".join(failures))
        return StepResult(True)


def _target_failures(step: Step, report: RunReport) -> list[str]:
    members = checks.target_variables(report, step.target)
    if not members:
        if step.symptom == "error" and report.outcome == "raised":
            observed = "error"
        else:
            reason = report.target_errors.get(step.target, "it is not among the run's variables")
            return [f"target {step.target} did not evaluate: {reason}"]
    else:
        seen = [checks.grad_symptom(v, report) for v in members]
        observed = seen[0] if len(set(seen)) == 1 else next(s for s in seen if s != "ok")
    failures = []
    if step.symptom and observed != step.symptom:
        failures.append(f"expected {step.target} to show {step.symptom}, it showed {observed}")
    top = checks.top_finding(report, step.target)
    if step.cause and (top is None or top.cause != step.cause):
        named = top.cause if top is not None else "nothing"
        failures.append(f"expected the diagnosis of {step.target} to name {step.cause}, it named {named}")
    if step.at_line is not None and (top is None or top.line != step.at_line):
        failures.append(f"expected the diagnosis of {step.target} to point at line {step.at_line}, it pointed at {top.line if top else None}")
    return failures


def _error_failures(expected: str, report: RunReport) -> list[str]:
    if report.error is None:
        return [f"expected an error mentioning {expected!r}, the run raised none"]
    text = f"{report.error.type}: {report.error.message}"
    return [] if expected in text else [f"expected an error mentioning {expected!r}, it raised {text!r}"]


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GradreplError(f"cannot read the script: {error}", path=str(path)) from None


def _tail(text: str, limit: int = 200) -> str:
    text = text.strip()
    return text if len(text) <= limit else "..." + text[-limit:]
