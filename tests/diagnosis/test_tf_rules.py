"""diagnose_tf over hand-built reports: evidence facts (docs/backends-tf.md) → cause and line."""

from __future__ import annotations

from typing import Any

import pytest

from gradrepl.core.report import ErrorInfo, Event, GradState, RunReport, VariableInfo
from gradrepl.diagnosis.engine import diagnose
from gradrepl.diagnosis.tf_rules import diagnose_tf

CALL = {"index": 0, "line": 12, "tape": 0, "tape_line": 8, "target": "loss", "target_is_tensor": True, "error": None}


def _var(grad: str = "none", dtype: str = "float32", name: str = "w", line: int = 4, **evidence: Any) -> VariableInfo:
    ev: dict[str, Any] = {"source": "variable", "requested": True, "call": dict(CALL)}
    ev.update(evidence)
    return VariableInfo(name=name, uid=7, dtype=dtype, shape=[2], requires_grad=True, is_leaf=True, grad=GradState(kind=grad), line=line, evidence=ev)  # type: ignore[arg-type]


def _report(*variables: VariableInfo, outcome: str = "completed", events: list[Event] | None = None) -> RunReport:
    return RunReport(framework="tensorflow", outcome=outcome, variables=list(variables), events=events or [])  # type: ignore[arg-type]


def _top(var: VariableInfo, **kw: Any) -> tuple[str, int | None]:
    findings = diagnose(_report(var, **kw))
    return findings[0].cause, findings[0].line


@pytest.mark.parametrize(
    ("reason", "extra", "cause", "line"),
    [
        ("stop_gradient", {}, "stop_gradient", 9),
        ("int_cast", {"out_dtype": "int32"}, "int_dtype", 9),
        ("int_output", {"out_dtype": "int64"}, "non_differentiable_op", 9),
        ("no_gradient", {}, "non_differentiable_op", 9),
        ("numpy_function", {}, "numpy_roundtrip", 9),
        ("before_tape", {}, "outside_tape", 9),
        ("after_tape", {}, "outside_tape", 9),
        ("paused", {}, "outside_tape", 9),
        ("not_watched_variable", {}, "untrainable_variable", 4),
        ("watch_accessed_off", {}, "constant_not_watched", 8),
        ("not_watched", {}, "constant_not_watched", 4),
    ],
)
def test_each_break_reason_names_its_cause(reason: str, extra: dict[str, Any], cause: str, line: int) -> None:
    brk = {"op": "Op", "line": 9, "reason": reason, "where": "blocked", **extra}
    var = _var(data_connected=True, recorded_connected=False, **{"break": brk})
    assert _top(var) == (cause, line)


def test_a_watch_after_use_and_a_rebound_name_refine_an_unwatched_tensor() -> None:
    brk = {"op": "Mul", "line": 9, "reason": "not_watched", "where": "entry"}
    late = _var(source="tensor", data_connected=True, **{"break": dict(brk, watched_after=10)})
    rebound = _var(source="tensor", data_connected=True, derived={"op": "AddV2", "line": 15, "from_variable": True}, **{"break": brk})
    assert _top(late) == ("tape_watch_after_compute", 10)
    assert _top(rebound) == ("variable_rebound", 15)


def test_values_that_never_reach_the_target() -> None:
    assign = _var(data_connected=False, assign={"op": "AssignVariableOp", "line": 11, "initial": False})
    trip = _var(data_connected=False, roundtrip={"kind": "numpy", "op": "EagerTensor.numpy", "line": 10, "in_tape": True})
    py = _var(data_connected=False, roundtrip={"kind": "python", "op": "float", "line": 13, "in_tape": True})
    unused = _var(data_connected=False, reads=0)
    read = _var(data_connected=False, reads=2, first_read_line=14)
    assert _top(assign) == ("assign_breaks", 11)
    assert _top(trip) == ("numpy_roundtrip", 10)
    assert _top(py) == ("python_value_roundtrip", 13)
    assert _top(unused) == ("unused_variable", 4)
    assert _top(read) == ("unused_variable", 14)


def test_keras_ownership_facts() -> None:
    keras = {"layer": "model.aux", "layer_called": False, "layer_line": 10, "variable_trainable": True}
    not_called = _var(data_connected=False, reads=0, keras=keras)
    stats = _var(data_connected=False, reads=1, keras=dict(keras, layer_called=True, variable_trainable=False))
    other_model = _var(data_connected=False, reads=1, keras=dict(keras, layer_called=True), others={"sources": 4, "connected": 0, "other_variables": 4})
    frozen = _var(requested=False, keras=dict(keras, layer_called=True, variable_trainable=False, trainable_line=13))
    frozen.evidence.pop("call")
    assert _top(not_called) == ("keras_layer_not_called", 10)
    assert _top(stats) == ("keras_wrong_variables", 12)
    assert _top(other_model) == ("keras_wrong_variables", 12)
    assert _top(frozen) == ("untrainable_variable", 13)


def test_an_empty_variable_list_means_the_model_was_not_built() -> None:
    var = _var(requested=False, keras={"layer": "model.d", "layer_called": True, "variable_trainable": True}, empty_list={"line": 20, "op": "Layer.trainable_variables"})
    var.evidence.pop("call")
    assert _top(var, outcome="raised") == ("keras_model_not_built", 20)
    report = _report(outcome="raised", events=[Event("empty_variable_list", 20, "Layer.trainable_variables")])
    report.target_errors["model.trainable_variables"] = "holds no variables"
    (finding,) = diagnose_tf(report)
    assert (finding.target, finding.cause, finding.line) == ("model.trainable_variables", "keras_model_not_built", 20)


def test_errors_traced_to_the_tape() -> None:
    reused = _var(call=dict(CALL, line=24, error="A non-persistent GradientTape can only be used to compute one set of gradients", earlier_call_line=21))
    floaty = _var(call=dict(CALL, error="'float' object has no attribute 'dtype'", target_is_tensor=False, target_type="float"), roundtrip={"kind": "python", "op": "float", "line": 9})
    assert _top(reused, outcome="raised") == ("tape_reused", 24)
    assert _top(floaty, outcome="raised") == ("python_value_roundtrip", 9)
    watch = Event("watch", 11, "GradientTape.watch", uids=[7], detail={"error": "ValueError: Passed in object of type 'Variable'"})
    assert _top(_var(requested=False), outcome="raised", events=[watch]) == ("keras_variable_watch", 11)


def test_nan_and_zero_gradients() -> None:
    where = _var(grad="nonfinite", recorded_connected=True, where_nan={"op": "SelectV2", "line": 8}, singular={"op": "Log", "line": 8, "reason": "zero_input"})
    sing = _var(grad="nonfinite", recorded_connected=True, singular={"op": "Sqrt", "line": 9, "reason": "zero_input"})
    zero = _var(grad="zero", recorded_connected=True, zero_op={"op": "Sign", "line": 9})
    assert _top(where) == ("where_nan", 8)
    assert _top(sing) == ("nan_at_singularity", 9)
    assert _top(zero) == ("non_differentiable_op", 9)


def test_integer_variables_and_healthy_ones() -> None:
    assert _top(_var(dtype="int32")) == ("int_dtype", 4)
    ok = diagnose(_report(_var(grad="finite")))
    assert [(f.symptom, f.cause) for f in ok] == [("ok", "none")]


def test_every_variable_gets_a_finding_even_without_facts() -> None:
    bare = VariableInfo(name="v", uid=1, dtype="float32", shape=[], requires_grad=True, is_leaf=True, grad=GradState(kind="none"))
    findings = diagnose(_report(bare, _var(name="u", grad="finite")))
    assert sorted(f.target for f in findings) == ["u", "v"]
    assert findings[0].confidence >= findings[-1].confidence
    assert all(f.explanation for f in findings)


def test_a_run_that_raised_makes_a_missing_gradient_an_error_symptom() -> None:
    var = _var(data_connected=True, **{"break": {"op": "StopGradient", "line": 9, "reason": "stop_gradient"}})
    report = _report(var, outcome="raised")
    report.error = ErrorInfo("ValueError", "No gradients provided for any variable.", line=14)
    (finding,) = diagnose(report)
    assert (finding.symptom, finding.cause, finding.line) == ("error", "stop_gradient", 9)


def test_a_variable_feeding_the_loss_but_never_asked_for() -> None:
    var = _var(requested=False, feeds_call={"line": 13, "target": "loss", "sources": 1})
    var.evidence.pop("call")
    assert _top(var) == ("keras_wrong_variables", 13)


def test_an_error_caused_by_a_none_gradient_upstream_names_that_gradients_cause() -> None:
    upstream_ev = {"source": "tensor", "requested": True, "call": dict(CALL, line=14), "data_connected": True,
                   "break": {"op": "MatMul", "line": 13, "reason": "not_watched", "where": "entry"}}
    var = _var(requested=False, upstream={"name": "real", "kind": "tensor", "dtype": "float32", "line": 10, "call_line": 14, "evidence": upstream_ev})
    var.evidence.pop("call")
    report = _report(var, outcome="raised")
    report.error = ErrorInfo("TypeError", "unsupported operand type(s) for ** or pow(): 'NoneType' and 'int'", line=15)
    findings = diagnose(report)
    assert (findings[0].cause, findings[0].line) == ("constant_not_watched", 10)
    assert "returned None for real" in findings[0].explanation


def test_a_read_outside_the_tape_on_a_self_rebinding_line_is_a_rebound_name() -> None:
    brk = {"op": "ReadVariableOp", "line": 12, "reason": "before_tape", "where": "entry", "rebinds": True}
    assert _top(_var(data_connected=True, **{"break": brk})) == ("variable_rebound", 12)
