"""Provides diagnose(): from a RunReport to findings, one or more per target.

Pure Python over the report: it runs in the parent process (or anywhere), never
imports a framework, and so can be tested with hand-written reports.
"""

from __future__ import annotations

from gradrepl.core.report import Finding, RunReport
from gradrepl.diagnosis.common import finding

INCOMPLETE = ("timeout", "crashed", "cancelled")
"""Outcomes of runs that were stopped: there may be nothing left to inspect."""
SCRIPT_TARGET = "<script>"
"""The target of the run_incomplete finding when the request named no targets."""


def diagnose(report: RunReport) -> list[Finding]:
    """Name the root cause, line and fix for every target variable of the report.

    Returns findings sorted by confidence (highest first), at least one per
    variable in ``report.variables``; ``symptom="ok", cause="none"`` when the
    variable's gradient is fine. A run that was stopped (timeout, memory
    limit, crash, cancel) also gets one ``run_incomplete`` finding per
    requested target (``<script>`` when none was named), at confidence 1.0.
    """
    if report.framework == "torch":
        from gradrepl.diagnosis.torch_rules import diagnose_torch as rules
    elif report.framework == "tensorflow":
        from gradrepl.diagnosis.tf_rules import diagnose_tf as rules
    else:
        from gradrepl.diagnosis.generic import diagnose_generic as rules
    findings = rules(report)
    if report.outcome in INCOMPLETE:
        findings = [*incomplete_findings(report), *findings]
    return sorted(findings, key=lambda f: -f.confidence)


def incomplete_findings(report: RunReport) -> list[Finding]:
    """One ``run_incomplete`` finding per requested target, at the line where the run stopped."""
    error = report.error
    line = error.line if error is not None else None
    what = f" ({error.type}: {error.message})" if error is not None and error.message else ""
    where = f" at line {line}" if line is not None else ""
    targets = report.targets or [SCRIPT_TARGET]
    return [
        finding(target, "error", "run_incomplete", line=line, confidence=1.0,
                detail=f"The run was stopped{where} before it finished{what}.")
        for target in dict.fromkeys(targets)
    ]


def ensure_findings(report: RunReport, targets: list[str] | None) -> None:
    """Diagnose ``report`` unless it already carries findings.

    The Runner attaches findings itself; faces call this so that a report from any
    other runner (a stand-in in tests, a cached copy) is diagnosed the same way.
    """
    if report.findings or not (report.variables or report.outcome in INCOMPLETE):
        return
    if report.targets is None and targets is not None:
        report.targets = list(targets)
    report.findings = diagnose(report)
