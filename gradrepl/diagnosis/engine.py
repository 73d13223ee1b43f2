"""Provides diagnose(): from a RunReport to findings, one or more per target.

Pure Python over the report: it runs in the parent process (or anywhere), never
imports a framework, and so can be tested with hand-written reports.
"""

from __future__ import annotations

from gradrepl.core.report import Finding, RunReport


def diagnose(report: RunReport) -> list[Finding]:
    """Name the root cause, line and fix for every target variable of the report.

    Returns findings sorted by confidence (highest first), at least one per
    variable in ``report.variables``; ``symptom="ok", cause="none"`` when the
    variable's gradient is fine.
    """
    if report.framework == "torch":
        from gradrepl.diagnosis.torch_rules import diagnose_torch as rules
    elif report.framework == "tensorflow":
        from gradrepl.diagnosis.tf_rules import diagnose_tf as rules
    else:
        from gradrepl.diagnosis.generic import diagnose_generic as rules
    findings = rules(report)
    return sorted(findings, key=lambda f: -f.confidence)
