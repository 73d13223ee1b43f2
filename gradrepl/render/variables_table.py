"""Provides the variables table as text: every tensor, its gradient and its diagnosis."""

from __future__ import annotations

from collections.abc import Sequence

from gradrepl.core import causes
from gradrepl.core.grad_text import describe_grad, grad_tone
from gradrepl.core.report import Finding, VariableInfo
from gradrepl.render.code import BOLD, GREEN, RED, YELLOW, style

HEADERS = ("name", "kind", "shape", "dtype", "requires_grad", "leaf", "grad", "diagnosis")
_TONES = {"none": RED, "nan": RED, "zero": YELLOW, "ok": GREEN}
MAX_CELL = 40


def render_variables(variables: Sequence[VariableInfo], findings: Sequence[Finding], *, color: bool = False) -> str:
    """An aligned table, one row per variable; the grad column coloured by how alarming it is."""
    if not variables:
        return "(no tensors or variables in the session)"
    top = _top_findings(findings)
    rows = [_row(v, top.get(v.name)) for v in variables]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(HEADERS)]
    lines = [style(_join(HEADERS, widths), BOLD, color)]
    for var, row in zip(variables, rows):
        cells = list(row)
        code = _TONES.get(grad_tone(var.grad), "")
        padded = cells[6].ljust(widths[6]) if cells[7] else cells[6]
        cells[6] = style(padded, code, color) if code else padded
        lines.append(_join(cells, widths, styled=6))
    return "\n".join(lines)


def _row(var: VariableInfo, finding: Finding | None) -> tuple[str, ...]:
    shape = "(" + ", ".join(map(str, var.shape)) + ("," if len(var.shape) == 1 else "") + ")"
    return (
        _clip(var.name),
        var.kind,
        shape,
        var.dtype.removeprefix("torch."),
        "yes" if var.requires_grad else "no",
        "yes" if var.is_leaf else "no",
        _clip(describe_grad(var.grad)),
        _diagnosis(finding),  # the last column may run long
    )


def _diagnosis(finding: Finding | None) -> str:
    if finding is None or finding.cause == causes.NONE:
        return ""
    title = causes.get(finding.cause).title if causes.is_known(finding.cause) else finding.cause
    return title + (f" (line {finding.line})" if finding.line is not None else "")


def _join(cells: Sequence[str], widths: list[int], styled: int = -1) -> str:
    # a styled cell is already padded: its escape codes must not count towards the width
    parts = [c if i == styled else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))]
    return "  ".join(parts).rstrip()


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 3] + "..."


def _top_findings(findings: Sequence[Finding]) -> dict[str, Finding]:
    top: dict[str, Finding] = {}
    for finding in findings:
        if finding.target not in top or finding.confidence > top[finding.target].confidence:
            top[finding.target] = finding
    return top
