"""Provides findings as text for people and as plain dicts for JSON (why, checker, REPL)."""

from __future__ import annotations

import shutil
import textwrap
from typing import Any

from gradrepl.core import causes
from gradrepl.core.report import Finding, RunReport
from gradrepl.render.code import BOLD, DIM, GREEN, RED, YELLOW, excerpt, style

WIDTH = 88
SYMPTOM_WORDS = {
    "grad_none": "gradient is None",
    "grad_zero": "gradient is all zeros",
    "grad_nan": "gradient has NaN or inf",
    "error": "the run raised an error",
    "ok": "gradient is fine",
}


def finding_dict(finding: Finding) -> dict[str, Any]:
    """The JSON shape of a finding (the ``gradrepl why --format json`` contract)."""
    return {
        "target": finding.target,
        "symptom": finding.symptom,
        "cause": finding.cause,
        "line": finding.line,
        "confidence": round(finding.confidence, 3),
        "explanation": finding.explanation,
        "fix": finding.fix,
    }


def cause_title(cause_id: str) -> str:
    """The catalogue's title for a cause id, or the id itself when it is unknown."""
    return causes.get(cause_id).title if causes.is_known(cause_id) else cause_id


def by_target(findings: list[Finding]) -> dict[str, list[Finding]]:
    """Findings grouped per target, most confident first, targets in order of their best finding."""
    groups: dict[str, list[Finding]] = {}
    for finding in sorted(findings, key=lambda f: -f.confidence):
        groups.setdefault(finding.target, []).append(finding)
    return groups


def render_finding(finding: Finding, *, source: str = "", filename: str = "", color: bool = False) -> str:
    """One finding: headline, the code around its line, explanation and fix."""
    if finding.cause == causes.NONE:
        return f"{style(finding.target, BOLD, color)}: {style(SYMPTOM_WORDS['ok'], GREEN, color)}"
    symptom = SYMPTOM_WORDS.get(finding.symptom, finding.symptom)
    lines = [
        f"{style(finding.target, BOLD, color)}: {style(symptom, RED, color)}",
        f"  cause: {style(cause_title(finding.cause), YELLOW + BOLD, color)} "
        + style(f"[{finding.cause}, confidence {finding.confidence:.2f}]", DIM, color),
    ]
    if finding.line is not None:
        lines.append(f"  at {filename or 'line'}{':' if filename else ' '}{finding.line}" + (f" ({finding.op})" if finding.op else ""))
        code = excerpt(source, finding.line, color=color, indent="  ") if source else ""
        if code:
            lines.append(code)
    if finding.explanation:
        lines.append(_paragraph("why", finding.explanation, color))
    if finding.fix:
        lines.append(_paragraph("fix", finding.fix, color))
    return "\n".join(lines)


def render_alternatives(findings: list[Finding], color: bool = False) -> str:
    """The less likely causes for one target, one line each."""
    return "\n".join(
        style(f"  also possible: {cause_title(f.cause)} [{f.cause}, confidence {f.confidence:.2f}]", DIM, color)
        + (f" at line {f.line}" if f.line is not None else "")
        for f in findings
    )


def render_report(report: RunReport, *, source: str = "", color: bool = False) -> str:
    """What ``gradrepl why`` prints: how the run ended, then each target's diagnosis."""
    head = f"{report.script}: {report.framework}, {_outcome_words(report)}"
    parts = [style(head, BOLD, color)]
    if report.error is not None and report.outcome != "completed":
        where = f" (line {report.error.line})" if report.error.line else ""
        parts.append(style(f"  {report.error.type}: {report.error.message}{where}", RED, color))
    for target, reason in report.target_errors.items():
        parts.append(f"  target {target} did not evaluate: {reason}")
    for warning in report.warnings:
        parts.append(style(f"  note: {warning}", DIM, color))
    groups = sorted(by_target(report.findings).values(), key=lambda g: g[0].cause == causes.NONE)
    for targets, group in _merge_alike(groups):  # problems first, then the gradients that are fine
        block = render_finding(group[0], source=source, filename=report.script, color=color)
        if len(targets) > 1:  # one block for many parameters that broke the same way
            block = block.replace(group[0].target, ", ".join(targets), 1)
        rest = [f for f in group[1:] if f.cause != causes.NONE]
        parts.append(block + ("\n" + render_alternatives(rest, color) if rest else ""))
    if not report.findings:
        parts.append("  no tensors or variables to diagnose were found")
    return "\n\n".join(parts) + "\n"


def _merge_alike(groups: list[list[Finding]]) -> list[tuple[list[str], list[Finding]]]:
    """Targets whose diagnosis is the same (cause, symptom, line, operation, and no other
    candidate) share one block: a model whose every parameter lost its gradient at one
    line is one story, not one per parameter."""
    merged: list[tuple[list[str], list[Finding]]] = []
    index: dict[tuple[str, str, int | None, str], int] = {}
    for group in groups:
        top = group[0]
        key = (top.cause, top.symptom, top.line, top.op)
        if len(group) == 1 and key in index:
            merged[index[key]][0].append(top.target)
            continue
        if len(group) == 1:
            index[key] = len(merged)
        merged.append(([top.target], group))
    return merged


def _outcome_words(report: RunReport) -> str:
    words = {
        "completed": "ran to the end",
        "raised": "stopped with an exception",
        "timeout": "timed out",
        "crashed": "the worker crashed",
        "cancelled": "cancelled",
    }
    return f"{words.get(report.outcome, report.outcome)} in {report.duration_ms:.0f} ms"


def _paragraph(label: str, text: str, color: bool) -> str:
    # both indents count toward the width, so every line of the paragraph ends by WIDTH
    width = max(40, min(WIDTH, shutil.get_terminal_size((WIDTH, 24)).columns))
    body = textwrap.fill(" ".join(text.split()), width, initial_indent=" " * 7, subsequent_indent=" " * 7)[7:]
    return f"  {style(label + ':', BOLD, color)} {body}"
