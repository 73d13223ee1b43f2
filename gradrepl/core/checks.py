"""Provides the scenario judge: a starter or solution RunReport against the scenario's rows.

Pure functions over plain data: ``judge_starter`` compares the starter's report
with the ``expect`` rows (symptom, top finding's cause, line), ``judge_solution``
the solution's report with the ``check`` rows (gradient properties, values,
finite differences, no diagnosis), and ``judge_content`` the scenario's hints
and document titles. Each returns Verdicts with messages a person can act on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gradrepl.core import documents
from gradrepl.core.report import Finding, RunReport, VariableInfo
from gradrepl.core.scenario import HINT_LEVELS, Check, Expect, FrameworkSpec, Scenario

PHASES = ("starter", "solution", "content")
_SHOWN = {
    "none": "no gradient (None)",
    "zero": "a gradient of all zeros",
    "finite": "a finite, non-zero gradient",
    "nonfinite": "a gradient with NaN or inf in it",
}


@dataclass(frozen=True)
class Verdict:
    """One judged expectation: passed or not, and why in plain words."""

    target: str
    check: str
    """``symptom``, ``cause``, ``line``, ``run``, ``present``, ``finite``, ``nonzero``,
    ``zero``, ``values``, ``fd``, ``diagnosis``, ``hints``, ``document``."""
    passed: bool
    message: str


@dataclass(frozen=True)
class PhaseResult:
    """The verdicts for one scenario × framework × phase (a JUnit test case)."""

    scenario: str
    framework: str
    phase: str
    script: str
    verdicts: tuple[Verdict, ...]
    duration_ms: float = 0.0
    output: str = ""
    """The run's stdout and stderr, for reports of failures."""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return all(v.passed for v in self.verdicts)

    @property
    def failures(self) -> list[Verdict]:
        return [v for v in self.verdicts if not v.passed]

    @property
    def name(self) -> str:
        return f"{self.scenario}[{self.framework}-{self.phase}]" if self.framework else f"{self.scenario}[{self.phase}]"


def solution_requests(spec: FrameworkSpec) -> list[dict[str, Any]]:
    """The framework-side checks (finite differences) to send with the solution's RunRequest."""
    return [
        {"target": c.target, "fd": c.fd, "rtol": c.rtol, "atol": c.atol}
        for c in spec.check
        if c.fd is not None
    ]


def target_variables(report: RunReport, target: str) -> list[VariableInfo]:
    """The variables a target expression stands for: itself, or the members of a module/list."""
    exact = [v for v in report.variables if v.name == target]
    if exact:
        return exact
    return [v for v in report.variables if v.name.startswith((f"{target}.", f"{target}["))]


def grad_symptom(var: VariableInfo, report: RunReport) -> str:
    """What the user sees for this variable's gradient."""
    return report.symptom(var)


def top_finding(report: RunReport, target: str) -> Finding | None:
    """The most confident finding about ``target``; for a module or list, about its members.

    For a module, a member whose gradient is fine does not outvote a broken
    one: the findings of the members that show a problem come first.
    """
    own = [f for f in report.findings if f.target == target]
    members = target_variables(report, target)
    broken = {v.name for v in members if grad_symptom(v, report) != "ok"}
    candidates = own or [f for f in report.findings if f.target in broken]
    candidates = candidates or [f for f in report.findings if f.target in {v.name for v in members}]
    return max(candidates, key=lambda f: f.confidence, default=None)


def judge_starter(spec: FrameworkSpec, report: RunReport) -> tuple[Verdict, ...]:
    """Does the starter still show what every ``expect`` row says?"""
    script = spec.starter.name
    broken = _infra_failure(report, script)
    if broken:
        return (broken,)
    verdicts: list[Verdict] = []
    for row in spec.expect:
        verdicts.extend(_judge_expect(row, report, script))
    return tuple(verdicts)


def _judge_expect(row: Expect, report: RunReport, script: str) -> list[Verdict]:
    observed = _observed_symptom(report, row.target)
    if observed is None:
        reason = report.target_errors.get(row.target, "it is not among the run's variables")
        return [Verdict(row.target, "symptom", False, f"{script}: target {row.target} did not evaluate: {reason}")]
    ok = observed == row.symptom
    message = f"{script}: expected {row.target} to show {row.symptom}, it showed {observed}"
    verdicts = [Verdict(row.target, "symptom", ok, message)]
    top = top_finding(report, row.target)
    if top is None:
        verdicts.append(Verdict(row.target, "cause", False, f"{script}: the diagnosis said nothing about {row.target}"))
        return verdicts
    message = f"{script}: expected the diagnosis of {row.target} to name {row.cause}, it named {top.cause}"
    verdicts.append(Verdict(row.target, "cause", top.cause == row.cause, message + _at(top.line)))
    if row.line is not None:
        message = f"{script}: expected the diagnosis of {row.target} to point at line {row.line}, "
        message += f"it pointed at line {top.line}" if top.line is not None else "it named no line"
        verdicts.append(Verdict(row.target, "line", top.line == row.line, message))
    return verdicts


def _observed_symptom(report: RunReport, target: str) -> str | None:
    members = target_variables(report, target)
    if not members:
        return "error" if report.outcome == "raised" else None
    seen = [grad_symptom(v, report) for v in members]
    # a module shows a symptom only when every parameter shows it; else the first odd one
    return seen[0] if len(set(seen)) == 1 else next(s for s in seen if s != "ok")


def judge_solution(spec: FrameworkSpec, report: RunReport) -> tuple[Verdict, ...]:
    """Does the solution satisfy every ``check`` row, with nothing left to diagnose?"""
    script = spec.solution.name
    broken = _infra_failure(report, script) or _raised(report, script)
    if broken:
        return (broken,)
    verdicts: list[Verdict] = []
    for row in spec.check:
        verdicts.extend(_judge_check(row, report, script))
    for target in spec.targets:
        verdicts.append(_judge_clean(target, report, script))
    return tuple(verdicts)


def _judge_check(row: Check, report: RunReport, script: str) -> list[Verdict]:
    members = target_variables(report, row.target)
    if not members:
        reason = report.target_errors.get(row.target, "it is not among the run's variables")
        return [Verdict(row.target, "run", False, f"{script}: target {row.target} did not evaluate: {reason}")]
    verdicts = [_judge_property(prop, var, script) for var in members for prop in row.grad]
    if row.values is not None:
        verdicts.extend(_judge_values(row, var, script) for var in members)
    if row.fd is not None:
        verdicts.append(_judge_fd(row, report, script))
    return verdicts


def _judge_property(prop: str, var: VariableInfo, script: str) -> Verdict:
    kind = var.grad.kind
    holds = {
        "present": kind != "none",
        "finite": kind in ("zero", "finite"),
        "nonzero": kind in ("finite", "nonfinite"),
        "zero": kind == "zero",
    }[prop]
    wanted = {"present": "present", "finite": "finite", "nonzero": "non-zero", "zero": "all zeros"}[prop]
    message = f"{script}: {var.name}'s gradient should be {wanted}, it is {_SHOWN[kind]}"
    return Verdict(var.name, prop, holds, message)


def _judge_values(row: Check, var: VariableInfo, script: str) -> Verdict:
    expected = list(row.values or ())
    sample = var.grad.sample[: len(expected)]
    tolerance = f"(rtol {row.rtol:g}, atol {row.atol:g})"
    if len(sample) < len(expected):
        message = f"{script}: {var.name}'s gradient has {len(sample)} values to compare, the check lists {len(expected)}"
        return Verdict(var.name, "values", False, message)
    close = all(abs(a - b) <= row.atol + row.rtol * abs(b) for a, b in zip(sample, expected))
    message = f"{script}: {var.name}'s gradient starts {_fmt(sample)}, expected {_fmt(expected)} {tolerance}"
    return Verdict(var.name, "values", close, message)


def _judge_fd(row: Check, report: RunReport, script: str) -> Verdict:
    result = next((c for c in report.checks if c.target == row.target and c.check.startswith("fd")), None)
    if result is None:
        return Verdict(row.target, "fd", False, f"{script}: no finite-difference result came back for {row.target}")
    message = f"{script}: finite differences of {row.fd} for {row.target}: {result.message or ('match' if result.passed else 'differ')}"
    return Verdict(row.target, "fd", result.passed, message)


def _judge_clean(target: str, report: RunReport, script: str) -> Verdict:
    members = [v.name for v in target_variables(report, target) if v.name != target] or [target]
    for name in members:  # every parameter of a module must be clean, not just the most confident
        top = top_finding(report, name)
        if top is None:
            return Verdict(target, "diagnosis", False, f"{script}: the diagnosis said nothing about {name}")
        if top.cause != "none":
            message = f"{script}: expected no diagnosis for {name}, it named {top.cause}{_at(top.line)}"
            return Verdict(target, "diagnosis", False, message)
    return Verdict(target, "diagnosis", True, f"{script}: nothing wrong with {target}")


def _infra_failure(report: RunReport, script: str) -> Verdict | None:
    if report.outcome in ("completed", "raised"):
        return None
    detail = f": {report.error.message}" if report.error and report.error.message else ""
    return Verdict("", "run", False, f"{script}: the run did not finish ({report.outcome}){detail}")


def _raised(report: RunReport, script: str) -> Verdict | None:
    if report.outcome != "raised":
        return None
    error = report.error
    where = f" at line {error.line}" if error and error.line else ""
    what = f"{error.type}: {error.message}" if error else "an exception"
    return Verdict("", "run", False, f"{script} raised {what}{where}")


def judge_content(scenario: Scenario) -> tuple[Verdict, ...]:
    """Non-empty hints for every framework, and source documents gradrepl knows."""
    verdicts: list[Verdict] = []
    for spec in scenario.specs:
        for level, text in zip(HINT_LEVELS, spec.hints.levels()):
            message = f"scenario.toml: the {level} hint for {spec.framework} is empty"
            verdicts.append(Verdict("", "hints", bool(text.strip()), message))
    named = [*scenario.sources, *(c.document for c in scenario.claims)]
    for title in dict.fromkeys(named):
        message = f"scenario.toml: unknown source document {title!r}; known: {', '.join(map(repr, documents.KNOWN))}"
        verdicts.append(Verdict("", "document", documents.is_known(title), message))
    return tuple(verdicts)


def _at(line: int | None) -> str:
    return f" (line {line})" if line is not None else ""


def _fmt(values: list[float]) -> str:
    return "[" + ", ".join(f"{v:.6g}" for v in values) + "]"
