"""Provides the TF findings for a path that breaks, or never reaches the target.

``break_finding`` reads ``evidence["break"]`` (the first op where the source's
value still flows to the target but the gradient no longer does);
``disconnected_finding`` handles a source whose value never reaches the target
by data: copied by ``assign``, taken out of TensorFlow and back, a rebound
name, a Keras layer that never ran, a wrong variable list, or simply unused.
"""

from __future__ import annotations

from typing import Any

from gradrepl.core.report import Finding, Symptom, VariableInfo
from gradrepl.diagnosis.common import finding

_OUTSIDE = {
    "before_tape": "before the tape started recording",
    "after_tape": "after the tape's with-block had ended",
    "paused": "while the tape was paused (stop_recording, or after a gradient call inside the block)",
}


def break_finding(var: VariableInfo, symptom: Symptom, ev: dict[str, Any]) -> Finding:
    brk = ev["break"]
    reason, op, line = brk["reason"], brk["op"], brk.get("line")
    target = _target(ev)
    name = var.name
    at = f"{op} at line {line}" if line else op
    if reason == "stop_gradient":
        detail = f"{name}'s value reaches {target} only through tf.stop_gradient ({at}), which passes no gradient back."
        return finding(var, symptom, "stop_gradient", line=line, confidence=0.95, detail=detail, op=op)
    if reason == "int_cast":
        detail = f"{at} casts a value computed from {name} to {brk.get('out_dtype')}; an integer has no gradient, so the path ends there."
        return finding(var, symptom, "int_dtype", line=line, confidence=0.9, detail=detail, op=op)
    if reason in ("int_output", "no_gradient"):
        what = f"returns {brk.get('out_dtype')}" if reason == "int_output" else "has no gradient"
        detail = f"{at} {what}, so the gradient from {target} stops there and never reaches {name}."
        return finding(var, symptom, "non_differentiable_op", line=line, confidence=0.9, detail=detail, op=op)
    if reason == "numpy_function" and brk.get("left_tf"):
        left = brk["left_tf"]
        cause = "python_value_roundtrip" if left.get("kind") == "python" else "numpy_roundtrip"
        detail = (
            f"The function given to tf.py_function ({at}) takes its input out of TensorFlow with {left.get('op')} "
            f"at line {left.get('line')}; what it returns is not computed by TensorFlow ops, so no gradient flows back through it."
        )
        return finding(var, symptom, cause, line=left.get("line") or line, confidence=0.85, detail=detail, op=left.get("op") or op)
    if reason == "numpy_function":
        detail = f"{at} runs NumPy code (tf.numpy_function); TensorFlow cannot differentiate through it."
        return finding(var, symptom, "numpy_roundtrip", line=line, confidence=0.85, detail=detail, op=op)
    if reason in _OUTSIDE and brk.get("rebinds"):
        detail = f"Line {line} rebinds the name that held {name} to a new tensor computed from it; later passes use that tensor, computed before this tape started, instead of the variable."
        return finding(var, symptom, "variable_rebound", line=line, confidence=0.85, detail=detail, op=op)
    if reason in _OUTSIDE and brk.get("entry_line") not in (None, line):
        entry = brk["entry_line"]
        detail = (
            f"Line {entry} computed a value from {name} {_OUTSIDE[reason]} (the first op, {at}) and the tape's block only "
            f"used the result, so the tape has no record linking {target} to {name}."
        )
        return finding(var, symptom, "outside_tape", line=entry, confidence=0.9, detail=detail, op=op)
    if reason in ("after_tape", "paused") and brk.get("tape_frame_line") not in (None, line):
        call_site = brk["tape_frame_line"]
        detail = f"Line {call_site} ran code that used {name} ({at}) {_OUTSIDE[reason]}, so the tape has no record linking {target} to {name}."
        return finding(var, symptom, "outside_tape", line=call_site, confidence=0.9, detail=detail, op=op)
    if reason in _OUTSIDE:
        detail = f"{at} used {name} {_OUTSIDE[reason]}, so the tape has no record linking {target} to {name}."
        return finding(var, symptom, "outside_tape", line=line, confidence=0.9, detail=detail, op=op)
    if reason == "not_watched_variable":
        detail = f"{name} was created with trainable=False, so the tape does not watch it when {at} reads it."
        return finding(var, symptom, "untrainable_variable", line=var.line, confidence=0.9, detail=detail, op=op)
    if reason == "watch_accessed_off":
        call = ev.get("call") or {}
        detail = f"The tape was made with watch_accessed_variables=False and never told to watch {name}."
        return finding(var, symptom, "constant_not_watched", line=call.get("tape_line") or line, confidence=0.85, detail=detail, op=op)
    return _tensor_entry(var, symptom, ev, brk)


def _tensor_entry(var: VariableInfo, symptom: Symptom, ev: dict[str, Any], brk: dict[str, Any]) -> Finding:
    name, line, op = var.name, brk.get("line"), brk["op"]
    if brk.get("watched_after") is not None:
        watch = brk["watched_after"]
        detail = f"tape.watch({name}) at line {watch} comes after {op} at line {line} already used {name}; the tape records only what follows the watch."
        return finding(var, symptom, "tape_watch_after_compute", line=watch, confidence=0.9, detail=detail, op=op)
    derived = ev.get("derived") or {}
    if derived.get("from_variable"):
        detail = f"{name} is no longer a tf.Variable: line {derived['line']} rebound it to the result of {derived['op']}, a plain tensor the tape does not watch."
        return finding(var, symptom, "variable_rebound", line=derived["line"], confidence=0.85, detail=detail, op=derived["op"])
    if brk["reason"] == "not_watched":
        detail = f"{name} is a tensor, not a tf.Variable, and the tape never watched it before {op} at line {line} used it."
        return finding(var, symptom, "constant_not_watched", line=var.line or line, confidence=0.9, detail=detail, op=op)
    detail = f"The path from {_target(ev)} to {name} ends at {op} (line {line})."
    return finding(var, symptom, "outside_tape", line=line, confidence=0.4, detail=detail, op=op)


def disconnected_finding(var: VariableInfo, symptom: Symptom, ev: dict[str, Any]) -> Finding:
    name, target = var.name, _target(ev)
    if ev.get("assign"):
        a = ev["assign"]
        how = "tf.Variable(...) copies" if a.get("initial") else f"{a['op']} copies"
        detail = f"At line {a['line']} {how} a value computed from {name} into another variable; reading that variable later starts a new path, so {target} does not lead back to {name}."
        return finding(var, symptom, "assign_breaks", line=a["line"], confidence=0.9, detail=detail, op=a["op"])
    trip = ev.get("roundtrip")
    if trip:
        cause = "numpy_roundtrip" if trip["kind"] == "numpy" else "python_value_roundtrip"
        what = "a NumPy array" if trip["kind"] == "numpy" else "a Python number"
        detail = f"At line {trip['line']} {trip['op']} turns a value computed from {name} into {what}; {target} is built from a new constant made from it, which has no history."
        return finding(var, symptom, cause, line=trip["line"], confidence=0.85 if trip.get("in_tape") else 0.7, detail=detail, op=trip["op"])
    derived = ev.get("derived") or {}
    if derived.get("from_variable"):
        detail = f"{name} was rebound at line {derived['line']} to a plain tensor ({derived['op']}); {target} is computed from the variable, not from this tensor."
        return finding(var, symptom, "variable_rebound", line=derived["line"], confidence=0.8, detail=detail, op=derived["op"])
    return _unused(var, symptom, ev)


def _unused(var: VariableInfo, symptom: Symptom, ev: dict[str, Any]) -> Finding:
    name, target = var.name, _target(ev)
    keras = ev.get("keras")
    others = ev.get("others") or {}
    if keras and not keras.get("layer_called"):
        line = keras.get("layer_line") or var.line
        detail = f"{name} belongs to layer {keras['layer']}, which was built but never called while computing {target}."
        return finding(var, symptom, "keras_layer_not_called", line=line, confidence=0.85, detail=detail)
    if keras and not keras.get("variable_trainable"):
        detail = f"{name} is a non-trainable Keras variable (updated by the layer, not by gradients); it was passed in the list of variables to differentiate."
        return finding(var, symptom, "keras_wrong_variables", line=_call_line(ev), confidence=0.8, detail=detail)
    if ev.get("source") == "tensor" and var.line is not None:
        detail = f"{target} is not computed from {name}: the tensor made at line {var.line} lies on no path to it, even if it holds the same values as a tensor the target does use."
        return finding(var, symptom, "unused_variable", line=var.line, confidence=0.7, detail=detail)
    if others.get("connected") == 0 and others.get("other_variables", 0) > 0:
        detail = f"None of the variables passed to tape.gradient at line {_call_line(ev)} is used by {target}, which is computed from {others['other_variables']} other variable(s)."
        cause = "keras_wrong_variables" if keras else "unused_variable"
        return finding(var, symptom, cause, line=_call_line(ev), confidence=0.8 if keras else 0.6, detail=detail)
    if ev.get("reads"):
        line = ev.get("first_read_line") or var.line
        detail = f"{name} is read (line {line}), but nothing computed from it reaches {target}."
        return finding(var, symptom, "unused_variable", line=line, confidence=0.75, detail=detail)
    detail = f"{target} is never computed from {name}: {name} is not read at all."
    return finding(var, symptom, "unused_variable", line=var.line, confidence=0.75, detail=detail)


def _target(ev: dict[str, Any]) -> str:
    call = ev.get("call") or {}
    return str(call.get("target") or "the loss")


def _call_line(ev: dict[str, Any]) -> int | None:
    call = ev.get("call") or {}
    return call.get("line")
