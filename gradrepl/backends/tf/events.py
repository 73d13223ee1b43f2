"""Provides the Events of a TF run, in order (kinds listed in docs/backends-tf.md).

Wrapper records become ``tape``, ``tape_exit``, ``watch``, ``stop_recording``,
``tape_gradient``, ``apply_gradients``, ``numpy``, ``python_value``,
``empty_variable_list`` and ``keras_fit`` events; notable ops of the user's
code become ``stop_gradient``, ``assign``, ``int_cast``, ``non_differentiable``
and ``numpy_function`` events, one per line (with a count when repeated).
"""

from __future__ import annotations

from typing import Any

from gradrepl.backends.tf import internals
from gradrepl.backends.tf.context import RunContext
from gradrepl.backends.tf.log import OpRec
from gradrepl.core.report import Event

MAX_EVENTS = 2_000
# Ops that read only a tensor's shape: no value flows, so no gradient is lost.
_SHAPE_OPS = frozenset({"Shape", "ShapeN", "Size", "Rank", "ZerosLike", "OnesLike", "VarHandleOp", "Const"})


def build_events(ctx: RunContext, names: dict[int, str]) -> list[Event]:
    items: list[tuple[int, Event]] = []
    items.extend(_tape_events(ctx))
    items.extend(_call_events(ctx, names))
    items.extend(_value_events(ctx, names))
    items.extend(_op_events(ctx, names))
    for m in ctx.rec.markers:
        items.append((m.seq, Event(kind=m.kind, line=m.line, op=m.op, detail=_plain(m.detail))))
    items.sort(key=lambda pair: pair[0])
    return [e for _, e in items[:MAX_EVENTS]]


def _tape_events(ctx: RunContext) -> list[tuple[int, Event]]:
    out = []
    for tape in ctx.rec.tapes.values():
        detail = {"tape": tape.id, "persistent": tape.persistent, "watch_accessed_variables": tape.watch_accessed}
        if tape.entered_seq is not None:
            out.append((tape.entered_seq, Event("tape", tape.line, "GradientTape.__enter__", detail=detail)))
        if tape.exited_seq is not None:
            out.append((tape.exited_seq, Event("tape_exit", tape.exit_line, "GradientTape.__exit__", detail={"tape": tape.id})))
        for w in tape.watches:
            uids = [k for k in w.tensors + w.handles]
            d: dict[str, Any] = {"tape": tape.id}
            if w.error:
                d["error"] = w.error
            out.append((w.seq, Event("watch", w.line, "GradientTape.watch", uids=uids, detail=d)))
    return out


def _call_events(ctx: RunContext, names: dict[int, str]) -> list[tuple[int, Event]]:
    out = []
    for call in ctx.rec.calls:
        uids = [s.key for s in call.sources if s.key is not None]
        none = [ctx.name_of(s.key, s) for s, r in zip(call.sources, call.results) if r is None]
        detail: dict[str, Any] = {"tape": call.tape, "target": ctx.target_name(call), "none": none[:50]}
        if call.error:
            detail["error"] = f"{call.error_type}: {call.error}"
        out.append((call.seq, Event("tape_gradient", call.line, "GradientTape.gradient", uids=uids, detail=detail)))
    for ap in ctx.rec.applies:
        uids = [s.key for s in ap.variables if s.key is not None]
        none = [ctx.name_of(s.key, s) for s, g in zip(ap.variables, ap.grads) if g is None]
        detail = {"none": none[:50]}
        if ap.error:
            detail["error"] = ap.error
        out.append((ap.seq, Event("apply_gradients", ap.line, "Optimizer.apply_gradients", uids=uids, detail=detail)))
    return out


def _value_events(ctx: RunContext, names: dict[int, str]) -> list[tuple[int, Event]]:
    out = []
    seen: dict[tuple[str, int | None], Event] = {}
    for v in ctx.rec.values:
        kind = "numpy" if v.kind == "numpy" else "python_value"
        key = (kind, v.line)
        if key in seen:
            seen[key].detail["count"] = seen[key].detail.get("count", 1) + 1
            continue
        event = Event(kind, v.line, v.op, uids=_vars_of(ctx, v.tensor, names), detail={"recording": bool(v.tapes)})
        seen[key] = event
        out.append((v.seq, event))
    return out


def _op_events(ctx: RunContext, names: dict[int, str]) -> list[tuple[int, Event]]:
    out = []
    seen: dict[tuple[str, int | None, str], Event] = {}
    for op in ctx.flow.ops:
        kind = _op_kind(ctx, op)
        if kind is None:
            continue
        key = (kind, op.line, op.type)
        if key in seen:
            seen[key].detail["count"] = seen[key].detail.get("count", 1) + 1
            continue
        uids = _vars_of(ctx, op.inputs[0], names) if op.inputs else []
        if kind in ("int_cast", "non_differentiable", "stop_gradient") and not op.tapes and not uids:
            continue  # library set-up (initialisers casting shapes), not the user's gradient path
        event = Event(kind, op.line, op.type, uids=uids, detail={"recording": bool(op.tapes)})
        seen[key] = event
        out.append((op.seq, event))
    return out


def _op_kind(ctx: RunContext, op: OpRec) -> str | None:
    if op.phase:
        return None
    kind = ctx.flow.op_kind(op)
    if kind == "stop":
        return "stop_gradient"
    if kind == "numpy":
        return "numpy_function"
    if op.handles and not op.outputs and op.type != "DestroyResourceOp":
        first = ctx.flow.writers().get(op.handles[0], [op.index])[0] == op.index
        made = ctx.flow.op_of(op.handles[0])
        return "variable_created" if first and made is not None and made.type == "VarHandleOp" else "assign"
    if op.type == "Cast" and op.out_enums and op.out_enums[0] not in internals.get().trainable_enums:
        return "int_cast"
    if kind == "none" and op.watched and op.type not in _SHAPE_OPS:
        return "non_differentiable"
    return None


def _vars_of(ctx: RunContext, tid: int, names: dict[int, str]) -> list[int]:
    """Reported variables whose value this tensor derives from (a bounded walk)."""
    if not names:
        return []
    return [k for k in ctx.flow.ancestors([tid]) if k in names][:20]


def _plain(detail: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in detail.items() if isinstance(v, str | int | float | bool) and k not in ("owner", "model")}
