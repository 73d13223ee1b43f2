"""Provides what the torch and TensorFlow rules share: symptoms and findings."""

from __future__ import annotations

from gradrepl.core import causes
from gradrepl.core.report import Finding, RunReport, Symptom, VariableInfo


def symptom_of(var: VariableInfo, report: RunReport) -> Symptom:
    """What the user sees for this variable's gradient."""
    return report.symptom(var)


def finding(
    var: VariableInfo | str,
    symptom: Symptom,
    cause: str,
    *,
    line: int | None = None,
    confidence: float = 0.9,
    detail: str = "",
    op: str = "",
) -> Finding:
    """A Finding whose explanation is ``detail`` (the specifics of this run)
    followed by the catalogue's general explanation, and whose fix is the
    catalogue's fix."""
    entry = causes.get(cause)
    target = var if isinstance(var, str) else var.name
    explanation = " ".join(part for part in (detail.strip(), entry.explanation.strip()) if part)
    return Finding(
        target=target,
        symptom=symptom,
        cause=cause,
        line=line,
        confidence=confidence,
        explanation=explanation,
        fix=entry.fix.strip(),
        op=op,
    )


def ok_finding(var: VariableInfo) -> Finding:
    """The finding for a variable whose gradient is fine."""
    return finding(var, "ok", causes.NONE, confidence=1.0, detail=f"{var.name} has a finite, non-zero gradient.")
