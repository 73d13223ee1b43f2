"""Provides the checker's outputs: text for people, JSON for tools, JUnit XML for CI."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from gradrepl.core.checks import PhaseResult
from gradrepl.errors import GradreplError
from gradrepl.render.code import BOLD, DIM, GREEN, RED, YELLOW, style


@dataclass
class Skipped:
    """A scenario half that was not run, and why."""

    scenario: str
    framework: str
    reason: str


@dataclass
class CheckRun:
    """Everything one ``gradrepl check`` found."""

    results: list[PhaseResult] = field(default_factory=list)
    errors: list[GradreplError] = field(default_factory=list)
    """Scenario or lesson files that could not be loaded."""
    skipped: list[Skipped] = field(default_factory=list)
    duration_s: float = 0.0
    broken_workers: dict[str, str] = field(default_factory=dict)
    """Per framework: why its worker could not start ("" once it did)."""
    ready_s: dict[str, float] = field(default_factory=dict)
    """Per framework: seconds from the start of the check until its worker was ready."""
    done_s: dict[str, float] = field(default_factory=dict)
    """Per framework: seconds from the start of the check until its last scenario half ended."""

    @property
    def failed(self) -> list[PhaseResult]:
        return [r for r in self.results if not r.passed]

    @property
    def exit_code(self) -> int:
        """2 when content is broken, 1 when a check failed, 0 when all is well."""
        if self.errors:
            return 2
        return 1 if self.failed else 0


def to_text(run: CheckRun, color: bool = False) -> str:
    """One line per scenario and framework, the failures under it, then a summary."""
    lines: list[str] = []
    for key, group in _grouped(run.results).items():
        passed = all(r.passed for r in group)
        mark = style("ok  ", GREEN, color) if passed else style("FAIL", RED + BOLD, color)
        phases = ", ".join(r.phase for r in group)
        lines.append(f"{mark} {key}  {style(phases, DIM, color)}")
        for result in group:
            lines.extend(f"       {failure.message}" for failure in result.failures)
    for skipped in run.skipped:
        lines.append(f"{style('skip', YELLOW, color)} {skipped.scenario} [{skipped.framework}]  {skipped.reason}")
    for error in run.errors:
        lines.append(f"{style('BAD ', RED + BOLD, color)} {error}")
    lines.append("")
    lines.append(summary(run))
    return "\n".join(lines) + "\n"


def summary(run: CheckRun) -> str:
    """``5 scenarios: 9 of 10 checks passed, 1 failed; 1 broken file (3.2 s)``."""
    scenarios = len({r.scenario for r in run.results if r.phase != "lesson"})
    lessons = len({r.scenario for r in run.results if r.phase == "lesson"})
    counted = [f"{scenarios} scenario{'s' * (scenarios != 1)}"] if scenarios or not lessons else []
    if lessons:
        counted.append(f"{lessons} lesson{'s' * (lessons != 1)}")
    passed = len(run.results) - len(run.failed)
    text = f"{', '.join(counted)}: {passed} of {len(run.results)} checks passed"
    if run.failed:
        text += f", {len(run.failed)} failed"
    if run.skipped:
        text += f", {len(run.skipped)} skipped"
    if run.errors:
        text += f"; {len(run.errors)} file{'s' * (len(run.errors) != 1)} could not be loaded"
    return text + f" ({run.duration_s:.1f} s)"


def to_json(run: CheckRun) -> str:
    """The whole run as one JSON document."""
    document: dict[str, Any] = {
        "passed": run.exit_code == 0,
        "exit_code": run.exit_code,
        "duration_s": round(run.duration_s, 3),
        "ready_s": {fw: round(s, 3) for fw, s in run.ready_s.items()},
        "done_s": {fw: round(s, 3) for fw, s in run.done_s.items()},
        "results": [_result_dict(r) for r in run.results],
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in run.errors],
        "skipped": [{"scenario": s.scenario, "framework": s.framework, "reason": s.reason} for s in run.skipped],
        "summary": summary(run),
    }
    return json.dumps(document, indent=2) + "\n"


def _result_dict(result: PhaseResult) -> dict[str, Any]:
    return {
        "scenario": result.scenario,
        "framework": result.framework or None,
        "phase": result.phase,
        "script": result.script,
        "passed": result.passed,
        "duration_ms": round(result.duration_ms, 1),
        "failures": [v.message for v in result.failures],
        "checks": [{"target": v.target, "check": v.check, "passed": v.passed, "message": v.message} for v in result.verdicts],
        **result.extra,
    }


def to_junit(run: CheckRun) -> str:
    """JUnit XML: one test case per scenario × framework × phase, one per broken file."""
    suite = ET.Element(
        "testsuite",
        name="gradrepl check",
        tests=str(len(run.results) + len(run.errors) + len(run.skipped)),
        failures=str(len(run.failed)),
        errors=str(len(run.errors)),
        skipped=str(len(run.skipped)),
        time=f"{run.duration_s:.3f}",
    )
    for result in run.results:
        case = ET.SubElement(suite, "testcase", classname=_classname(result), name=result.phase, time=f"{result.duration_ms / 1000:.3f}")
        if not result.passed:
            failure = ET.SubElement(case, "failure", message=result.failures[0].message)
            failure.text = "\n".join(v.message for v in result.failures)
            if result.output:
                ET.SubElement(case, "system-out").text = result.output
    for error in run.errors:
        case = ET.SubElement(suite, "testcase", classname="gradrepl.content", name=error.path or "content", time="0")
        ET.SubElement(case, "error", message=str(error), type="GradreplError").text = str(error)
    for skipped in run.skipped:
        case = ET.SubElement(suite, "testcase", classname=f"scenarios.{skipped.scenario}.{skipped.framework}", name="all", time="0")
        ET.SubElement(case, "skipped", message=skipped.reason)
    root = ET.Element("testsuites", name="gradrepl", tests=suite.get("tests", "0"), failures=suite.get("failures", "0"), errors=suite.get("errors", "0"))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _classname(result: PhaseResult) -> str:
    kind = "lessons" if result.phase == "lesson" else "scenarios"
    return f"{kind}.{result.scenario}" + (f".{result.framework}" if result.framework else "")


def _grouped(results: list[PhaseResult]) -> dict[str, list[PhaseResult]]:
    groups: dict[str, list[PhaseResult]] = {}
    for result in results:
        key = f"{result.scenario} [{result.framework}]" if result.framework else result.scenario
        groups.setdefault(key, []).append(result)
    return groups


FORMATS = {"json": to_json, "junit": to_junit}
