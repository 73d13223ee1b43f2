"""Provides diagnose_tf(): TensorFlow/Keras RunReport → findings with cause, line and fix.

Pure Python over the report. The TF backend puts facts in each variable's
``evidence`` (keys in docs/backends-tf.md): the gradient call that asked for
it, whether its value reaches the target by data and by the tape's record,
where that path breaks and why, reads, watches, values taken out of
TensorFlow, Keras ownership. The rules below turn facts into causes, in order
of how decisive they are; every variable gets at least one finding.
"""

from __future__ import annotations

from typing import Any

from gradrepl.core.report import Finding, RunReport, Symptom, VariableInfo
from gradrepl.diagnosis.common import finding, ok_finding, symptom_of
from gradrepl.diagnosis.tf_breaks import break_finding, disconnected_finding
from gradrepl.diagnosis.tf_run import run_findings, target_error_findings


def diagnose_tf(report: RunReport) -> list[Finding]:
    out: list[Finding] = []
    for var in report.variables:
        out.extend(diagnose_variable(var, report))
    out.extend(target_error_findings(report))
    return out


def diagnose_variable(var: VariableInfo, report: RunReport) -> list[Finding]:
    symptom = symptom_of(var, report)
    ev = var.evidence
    if symptom == "ok":
        return [ok_finding(var)]
    found = run_findings(var, symptom, report)
    if not found:
        found = _by_gradient(var, symptom, ev, report)
    if not found:
        found = [_unexplained(var, symptom, ev)]
    return found


def _by_gradient(var: VariableInfo, symptom: Symptom, ev: dict[str, Any], report: RunReport) -> list[Finding]:
    if not _is_float(var.dtype) and var.dtype:
        what = "variable" if var.kind == "variable" else "tensor"
        detail = f"{var.name} is an integer {what} ({var.dtype}); TensorFlow computes gradients only for floating-point values."
        return [finding(var, symptom, "int_dtype", line=var.line, confidence=0.95, detail=detail)]
    if symptom == "grad_nan":
        return _nan(var, symptom, ev)
    if "break" in ev:
        return [break_finding(var, symptom, ev)]
    if ev.get("recorded_connected"):
        return _connected(var, symptom, ev)
    if "call" in ev and ev.get("data_connected") is False:
        return [disconnected_finding(var, symptom, ev)]
    return []


def _connected(var: VariableInfo, symptom: Symptom, ev: dict[str, Any]) -> list[Finding]:
    zero = ev.get("zero_op")
    if symptom == "grad_zero" and zero:
        detail = f"The path from {_target(ev)} to {var.name} goes through {zero['op']} at line {zero['line']}, whose gradient is zero everywhere."
        return [finding(var, symptom, "non_differentiable_op", line=zero["line"], confidence=0.85, detail=detail, op=zero["op"])]
    if symptom == "grad_zero":
        # the recorded path is intact: the value of this gradient happens to be zero
        # (terms that cancel, inactive ReLUs, a clipped range), which is no broken path
        detail = f"The path from {_target(ev)} to {var.name} is intact; the gradient is exactly zero at these values (terms that cancel, inactive units or a saturated range)."
        return [finding(var, symptom, "none", confidence=0.5, detail=detail)]
    return []


def _nan(var: VariableInfo, symptom: Symptom, ev: dict[str, Any]) -> list[Finding]:
    out = []
    where = ev.get("where_nan")
    singular = ev.get("singular")
    if where:
        detail = (
            f"tf.where at line {where['line']} selects a safe value, but the other branch held inf or NaN; "
            f"its gradient (zero times infinity) is NaN and flows back to {var.name}."
        )
        out.append(finding(var, symptom, "where_nan", line=where["line"], confidence=0.9, detail=detail, op=where["op"]))
    if singular:
        what = {"zero_input": "at 0", "zero_denominator": "with a zero denominator", "negative_input": "at a negative value", "unit_input": "at exactly 1 or -1, the edge of its domain"}
        at = what.get(singular["reason"], "at a point where it is not finite")
        detail = f"{singular['op']} at line {singular['line']} is evaluated {at}, where its derivative is infinite."
        out.append(finding(var, symptom, "nan_at_singularity", line=singular["line"], confidence=0.8 if where else 0.9, detail=detail, op=singular["op"]))
    if not out:
        detail = f"The gradient of {var.name} holds NaN or inf; no op on its path was seen at a singular point."
        out.append(finding(var, symptom, "nan_at_singularity", line=None, confidence=0.3, detail=detail))
    return out


def _unexplained(var: VariableInfo, symptom: Symptom, ev: dict[str, Any]) -> Finding:
    if not ev.get("requested"):
        detail = f"No tape.gradient call asked for the gradient of {var.name}."
        return finding(var, symptom, "unused_variable", line=var.line, confidence=0.3, detail=detail)
    detail = f"The gradient of {var.name} came back {symptom.removeprefix('grad_')}, and the recorded path does not say why."
    return finding(var, symptom, "unused_variable", line=var.line, confidence=0.2, detail=detail)


def _is_float(dtype: str) -> bool:
    return dtype.startswith(("float", "bfloat", "half", "complex", "double"))


def _target(ev: dict[str, Any]) -> str:
    call = ev.get("call") or {}
    return str(call.get("target") or "the loss")
