"""Provides TF findings that come from how the run went rather than from a path.

A second gradient call on a used non-persistent tape, a gradient asked of a
Python number, ``tape.watch`` given a Keras 3 variable, a Keras variable list
read before the model was built, and targets that name nothing because of it.
"""

from __future__ import annotations

from typing import Any

from gradrepl.core.report import Finding, GradState, RunReport, Symptom, VariableInfo
from gradrepl.diagnosis.common import finding

_BUILD_ERRORS = ("must build the layer", "has not yet been built", "not been built", "unbuilt")


def run_findings(var: VariableInfo, symptom: Symptom, report: RunReport) -> list[Finding]:
    ev = var.evidence
    call = ev.get("call") or {}
    error = call.get("error") or ""
    if "non-persistent GradientTape" in error and not call.get("tape_entered", True) and not call.get("earlier_call_line"):
        detail = (
            f"The tape made at line {call.get('tape_line')} was never entered with `with tf.GradientTape() as tape:`, so it recorded "
            f"nothing of the computation; TensorFlow reports a tape that recorded nothing as a used-up non-persistent tape."
        )
        return [finding(var, symptom, "outside_tape", line=call.get("tape_line") or call.get("line"), confidence=0.9, detail=detail, op="GradientTape")]
    if "non-persistent GradientTape" in error:
        earlier = ev.get("earlier_call_line") or call.get("earlier_call_line")
        first = f" after the first one at line {earlier}" if earlier else ""
        detail = f"tape.gradient at line {call.get('line')} is a second gradient call on a non-persistent tape{first}; the tape was released by the first call."
        return [finding(var, symptom, "tape_reused", line=call.get("line"), confidence=0.95, detail=detail, op="GradientTape.gradient")]
    if error and not call.get("target_is_tensor", True):
        trip = ev.get("roundtrip") or {}
        made = call.get("target_line")
        line = trip.get("line") or made or call.get("line")
        where = f" at line {trip['line']} ({trip['op']})." if trip else (f"; line {made} made it." if made else ".")
        numpy = trip.get("kind") == "numpy" if trip else bool(call.get("target_numpy"))
        what = f"a NumPy {call.get('target_type')}" if numpy else f"a Python {call.get('target_type')}"
        detail = f"The target passed to tape.gradient at line {call.get('line')} is {what}, not a tensor: its value left TensorFlow" + where
        cause = "numpy_roundtrip" if numpy else "python_value_roundtrip"
        return [finding(var, symptom, cause, line=line, confidence=0.9, detail=detail, op=trip.get("op", ""))]
    watch = _failed_keras_watch(var, report)
    if watch is not None:
        detail = f"tape.watch at line {watch.line} was given a Keras variable, which tf.GradientTape.watch does not accept: {watch.detail.get('error', '')}"
        return [finding(var, symptom, "keras_variable_watch", line=watch.line, confidence=0.9, detail=detail, op="GradientTape.watch")]
    keras = ev.get("keras") or {}
    if keras and not ev.get("requested") and not keras.get("variable_trainable", True):
        line = keras.get("trainable_line") or var.line
        where = f"at line {line} " if keras.get("trainable_line") else ""
        detail = f"Layer {keras.get('layer')} was frozen {where}(trainable = False), so {var.name} is not in the model's trainable_variables and no gradient was asked for it."
        return [finding(var, symptom, "untrainable_variable", line=line, confidence=0.85, detail=detail)]
    up = ev.get("upstream")
    if up and symptom == "error" and not ev.get("requested"):
        return [_from_upstream(var, up, report)]
    empty = _empty_list(ev)
    if empty is not None and ev.get("keras") and not ev.get("requested"):
        detail = f"At line {empty} the model's variable list was read before the model was built, so it was empty; {var.name} was created later and never passed to tape.gradient."
        return [finding(var, symptom, "keras_model_not_built", line=empty, confidence=0.85, detail=detail)]
    feeds = ev.get("feeds_call")
    if feeds and not ev.get("requested"):
        detail = f"{feeds['target']} is computed from {var.name}, but the list of variables passed to tape.gradient at line {feeds['line']} does not include it, so no gradient was asked for it."
        if keras and keras.get("tracked") is False:
            made = f" (line {var.line})" if var.line else ""
            detail += (
                f" {keras.get('layer')} does not track it: Keras 3 lists only weights made with add_weight or keras.Variable, "
                f"so the tf.Variable{made} is missing from its trainable_variables; create it with self.add_weight instead."
            )
        return [finding(var, symptom, "keras_wrong_variables", line=feeds["line"], confidence=0.7, detail=detail)]
    return []


def _from_upstream(var: VariableInfo, up: dict[str, Any], report: RunReport) -> Finding:
    """Diagnose the source whose None gradient made the run raise, and report it for var."""
    from gradrepl.diagnosis.tf_rules import diagnose_variable

    source = VariableInfo(
        name=up["name"], uid=-1, dtype=up.get("dtype", ""), shape=[], requires_grad=False, is_leaf=True,
        grad=GradState(kind="none"), kind=up.get("kind", "tensor"), line=up.get("line"), evidence=up.get("evidence", {}),
    )
    inner = max(diagnose_variable(source, report), key=lambda f: f.confidence)
    lead = (
        f"The run stopped before any gradient of {var.name} was taken: tape.gradient at line {up.get('call_line')} "
        f"returned None for {up['name']}, and the code went on to use that None."
    )
    return Finding(
        target=var.name, symptom="error", cause=inner.cause, line=inner.line, confidence=round(inner.confidence * 0.9, 3),
        explanation=f"{lead} {inner.explanation}", fix=inner.fix, op=inner.op,
    )


def _failed_keras_watch(var: VariableInfo, report: RunReport) -> Any:
    for e in report.events:
        if e.kind == "watch" and e.detail.get("error") and (var.uid in e.uids or "Variable" in e.detail["error"]):
            if var.uid in e.uids:
                return e
    return None


def _empty_list(ev: dict[str, Any]) -> int | None:
    if ev.get("empty_list"):
        return ev["empty_list"].get("line")
    return ev.get("empty_sources_line")


def target_error_findings(report: RunReport) -> list[Finding]:
    """A target that named no variable, when the run shows why (an unbuilt model)."""
    out = []
    for expr, message in report.target_errors.items():
        line = _unbuilt_line(report, message)
        if line is None:
            continue
        symptom: Symptom = "error" if report.outcome != "completed" else "grad_none"
        detail = f"{expr} names no variable: the Keras model had not been built (no call on data yet), so it had no variables."
        out.append(finding(expr, symptom, "keras_model_not_built", line=line, confidence=0.8, detail=detail))
    return out


def _unbuilt_line(report: RunReport, message: str) -> int | None:
    for e in report.events:
        if e.kind == "empty_variable_list":
            return e.line
    texts = [message.lower()]
    if report.error is not None:
        texts.append(report.error.message.lower())
    if any(k in t for t in texts for k in _BUILD_ERRORS):
        return report.error.line if report.error is not None else None
    return None
