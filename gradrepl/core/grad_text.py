"""Provides short plain-text summaries of gradients, shared by every face.

The Textual app, the REPL's ``:tree`` and the checker all describe a gradient
the same way: ``None``, ``0``, ``NaN in 3 of 8`` or a norm.
"""

from __future__ import annotations

from gradrepl.core.report import GradState, VariableInfo

GradTone = str
"""``none``, ``zero``, ``nan`` or ``ok``: how alarming a gradient is, for styling."""


def grad_tone(grad: GradState) -> GradTone:
    """The display tone of a gradient: ``none``, ``zero``, ``nan`` or ``ok``."""
    return {"none": "none", "zero": "zero", "nonfinite": "nan"}.get(grad.kind, "ok")


def describe_grad(grad: GradState) -> str:
    """A one-line summary such as ``None``, ``0 (2x3)``, ``NaN in 2 of 4`` or ``norm 1.25 (3)``."""
    shape = _shape(grad.shape)
    if grad.kind == "none":
        return "None"
    if grad.kind == "zero":
        return f"0 {shape}".rstrip()
    if grad.kind == "nonfinite":
        total = f" of {_numel(grad.shape):,}" if grad.shape else ""
        parts = []
        if grad.nan_count:
            parts.append(f"NaN in {grad.nan_count:,}{total}")
        if grad.inf_count:
            parts.append(f"inf in {grad.inf_count:,}{total}")
        return ", ".join(parts) or "NaN"
    return _finite(grad, shape)


def _finite(grad: GradState, shape: str) -> str:
    if grad.sample and (not grad.shape or _numel(grad.shape) == 1):
        return f"{_num(grad.sample[0])}"
    text = f"norm {_num(grad.norm)}" if grad.norm is not None else "finite"
    return f"{text} {shape}".rstrip()


def describe_variable_grad(var: VariableInfo) -> str:
    """``describe_grad`` of the variable's gradient."""
    return describe_grad(var.grad)


def _shape(shape: list[int] | None) -> str:
    if not shape:
        return ""
    return "(" + "x".join(str(n) for n in shape) + ")"


def _numel(shape: list[int]) -> int:
    out = 1
    for n in shape:
        out *= n
    return out


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:.4g}"
