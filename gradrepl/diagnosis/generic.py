"""Provides the fallback rules for backends without their own (the fake backend)."""

from __future__ import annotations

from gradrepl.core.report import Finding, RunReport
from gradrepl.diagnosis.common import finding, ok_finding, symptom_of


def diagnose_generic(report: RunReport) -> list[Finding]:
    """Report each variable's symptom; name no cause beyond the obvious."""
    out: list[Finding] = []
    for var in report.variables:
        symptom = symptom_of(var, report)
        if symptom == "ok":
            out.append(ok_finding(var))
        elif not var.requires_grad:
            out.append(finding(var, symptom, "no_requires_grad", confidence=0.5, line=var.line))
        else:
            out.append(finding(var, symptom, "backward_not_called", confidence=0.2))
    return out
