"""The torch diagnosis rules on hand-built reports: pure logic, no torch needed."""

from __future__ import annotations

from typing import Any

from gradrepl.core.report import ErrorInfo, Event, GradState, RunReport, VariableInfo
from gradrepl.diagnosis.engine import diagnose
from gradrepl.diagnosis.torch_chain import find_break


def var(name: str = "x", kind: str = "none", **evidence: Any) -> VariableInfo:
    fields = {k: evidence.pop(k) for k in ("requires_grad", "is_leaf", "dtype", "line", "reachable") if k in evidence}
    base = {"requires_grad": True, "is_leaf": True, "dtype": "float32", "line": 2, "reachable": False}
    base.update(fields)
    ev = {"loss_known": True, "loss_derives": True, "backward_calls": 1, **evidence}
    return VariableInfo(name=name, uid=1, shape=[3], grad=GradState(kind=kind), evidence=ev, **base)  # type: ignore[arg-type]


def report(variables: list[VariableInfo], events: list[Event], error: str | None = None, line: int | None = None) -> RunReport:
    r = RunReport(framework="torch", outcome="raised" if error else "completed", variables=variables, events=events)
    if error:
        r.error = ErrorInfo(type="RuntimeError", message=error, line=line)
    return r


def top(r: RunReport, target: str = "x") -> Any:
    return next(f for f in diagnose(r) if f.target == target)


def ev(kind: str, line: int, op: str = "", seq: int = 1, **detail: Any) -> Event:
    return Event(kind=kind, line=line, op=op or kind, uids=[1], detail={"first_seq": seq, "last_seq": seq, "count": 1, **detail})


def test_a_chain_is_named_by_its_first_cut_and_told_by_the_rest() -> None:
    chain = [ev("detach", 4, "Tensor.detach"), ev("numpy", 4, "Tensor.numpy"), ev("tensor_ctor", 6, "torch.tensor")]
    brk = find_break(chain, "x")
    assert brk is not None and (brk.cause, brk.event.line) == ("numpy_roundtrip", 4)
    assert find_break([ev("detach", 3)], "x").cause == "detach"  # type: ignore[union-attr]
    assert find_break([ev("tensor_ctor", 5)], "x").cause == "rewrap_tensor_constructor"  # type: ignore[union-attr]
    cast = ev("nondiff", 7, "Tensor.long", dtype="int64", integer=True, cast=True)
    assert find_break([cast], "x").cause == "int_dtype"  # type: ignore[union-attr]
    argmax = ev("nondiff", 7, "Tensor.argmax", dtype="int64", integer=True, cast=False)
    assert find_break([argmax], "x").cause == "non_differentiable_op"  # type: ignore[union-attr]
    assert find_break([ev("autograd_grad", 9)], "x").cause == "no_create_graph"  # type: ignore[union-attr]
    assert find_break([ev("singular", 9)], "x") is None


def test_a_missing_gradient_follows_path_events() -> None:
    events = [ev("grad_mode_off", 5), ev("no_grad", 6, "F.linear", region_line=5)]
    f = top(report([var(path_events=[1])], events))
    assert (f.cause, f.line, f.symptom, f.op) == ("no_grad_context", 6, "grad_none", "F.linear")
    assert "line 5" in f.explanation


def test_the_inplace_culprit_is_picked_by_shape_version_and_producer() -> None:
    events = [
        ev("inplace", 4, "Tensor.add_", versions=[[0, "MulBackward0", [3]]]),
        ev("inplace", 5, "Tensor.mul_", versions=[[0, "ExpBackward0", [3]]]),
        ev("inplace", 6, "Tensor.div_", versions=[[1, "ExpBackward0", [3]]]),
    ]
    message = ("one of the variables needed for gradient computation has been modified by an inplace operation: "
               "[torch.FloatTensor [3]], which is output 0 of Exp, is at version 2; expected version 0 instead.")
    f = top(report([var()], events, message, line=9))
    assert (f.cause, f.line, f.symptom) == ("inplace_saved_tensor", 5, "error")


def test_two_separate_backwards_blame_the_first_and_a_loop_blames_the_reused_value() -> None:
    message = "Trying to backward through the graph a second time (or directly access saved tensors ...)"
    first = ev("backward", 10, "Tensor.backward", seq=5)
    second = ev("backward", 11, "Tensor.backward", seq=9, error=message, reused={"op": "TanhBackward0", "line": 7, "is_loss": False})
    f = top(report([var()], [first, second], message, line=11))
    assert (f.cause, f.line) == ("retain_graph", 10)
    healthy = [f for f in diagnose(report([var(kind="finite")], [first, second], message, line=11))]
    assert [(f.cause, f.symptom) for f in healthy] == [("none", "ok"), ("retain_graph", "ok")]
    loop = ev("backward", 10, "Tensor.backward", seq=5, error=message, reused={"op": "TanhBackward0", "line": 7, "is_loss": False})
    loop.detail["count"] = 2
    f = top(report([var()], [loop], message, line=10))
    assert (f.cause, f.line) == ("retain_graph", 7)


def test_a_known_error_explains_a_target_the_run_never_made() -> None:
    r = report([], [], "Only Tensors of floating point and complex dtype can require gradients", line=3)
    r.target_errors["x"] = "`x` could not be evaluated (NameError: name 'x' is not defined); the run stopped at line 3."
    (f,) = diagnose(r)
    assert (f.target, f.cause, f.line, f.symptom) == ("x", "int_dtype", 3, "error")


def test_simple_variable_facts_come_before_provenance() -> None:
    assert top(report([var(requires_grad=False)], [])).cause == "no_requires_grad"
    assert top(report([var(requires_grad=False, is_parameter=True)], [])).cause == "frozen_parameter"
    assert top(report([var(requires_grad=False, dtype="int64")], [])).cause == "int_dtype"
    f = top(report([var(is_leaf=False, grad_fn="MulBackward0", grad_fn_line=4, orphan_leaf=False)], []))
    assert (f.cause, f.line) == ("non_leaf_access", 4)
    f = top(report([var(is_leaf=False, grad_fn="MulBackward0", grad_fn_line=9, orphan_leaf=True, orphan_line=4)], []))
    assert (f.cause, f.line) == ("rebind_non_leaf", 4)


def test_cleared_not_called_and_unused() -> None:
    clear = ev("zero_grad", 12, "SGD.zero_grad", seq=9, params=[1], set_to_none=True)
    assert (top(report([var(clear_events=[0])], [clear])).cause, top(report([var(clear_events=[0])], [clear])).line) == ("grads_cleared", 12)
    f = top(report([var(backward_calls=0)], [Event(kind="uncalled", line=8, op=".backward")]))
    assert (f.cause, f.line) == ("backward_not_called", 8)
    f = top(report([var(loss_derives=False, last_use_line=14)], []))
    assert (f.cause, f.line) == ("unused_parameter", 14)
    f = top(report([var(loss_derives=False, in_optimizer=True, in_module=False, optimizer_events=[0])], [ev("optimizer_init", 6, "SGD")]))
    assert (f.cause, f.line) == ("optimizer_wrong_params", 6)


def test_nan_behind_where_is_where_nan_else_the_singular_op() -> None:
    sqrt = ev("singular", 5, "torch.sqrt", seq=3, condition="sqrt of a value <= 0")
    where = ev("where", 6, "torch.where", seq=4, via=[0])
    f = top(report([var(kind="nonfinite", path_events=[0, 1])], [sqrt, where]))
    assert (f.cause, f.line) == ("where_nan", 6)
    f = top(report([var(kind="nonfinite", path_events=[0])], [sqrt]))
    assert (f.cause, f.line) == ("nan_at_singularity", 5)


def test_a_healthy_gradient_is_ok_and_an_unstepped_parameter_gets_a_second_note() -> None:
    healthy = var(kind="finite", reachable=True, in_optimizer=False)
    r = report([healthy], [ev("optimizer_init", 3, "SGD"), ev("optimizer_step", 9, "SGD.step")])
    findings = diagnose(r)
    assert [(f.cause, f.symptom, f.confidence) for f in findings][0] == ("none", "ok", 1.0)
    assert findings[1].cause == "optimizer_wrong_params" and findings[1].confidence < 1.0


def test_a_name_rebound_later_is_param_rebound_and_at_creation_rebind_non_leaf() -> None:
    later = var(is_leaf=False, grad_fn="SubBackward0", grad_fn_line=13, orphan_leaf=True, orphan_line=13, orphan_leaf_line=7)
    assert (top(report([later], [])).cause, top(report([later], [])).line) == ("param_rebound", 13)
    same = var(is_leaf=False, grad_fn="MulBackward0", grad_fn_line=3, orphan_leaf=True, orphan_line=3, orphan_leaf_line=3)
    assert (top(report([same], [])).cause, top(report([same], [])).line) == ("rebind_non_leaf", 3)


def test_an_optimizer_given_nothing_is_optimizer_wrong_params() -> None:
    f = top(report([var()], [], "optimizer got an empty parameter list", line=13))
    assert (f.cause, f.line, f.symptom) == ("optimizer_wrong_params", 13, "error")
