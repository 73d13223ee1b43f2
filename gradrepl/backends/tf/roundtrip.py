"""Provides facts for a source whose value does not reach the target by data at all.

Then the value went somewhere the op log cannot follow: into a variable by
``assign`` (followed here through writes), out of TensorFlow by ``numpy()`` or
``float()`` and back in as a new constant (matched by time: a constant made
after the value left, feeding the target), or nowhere (the variable is unused,
or the target is built from other variables).
"""

from __future__ import annotations

from typing import Any

from gradrepl.backends.tf.context import RunContext
from gradrepl.backends.tf.log import GradCall, SourceRef, ValueEvent


def not_connected_facts(ctx: RunContext, call: GradCall, ref: SourceRef) -> dict[str, Any]:
    key = ref.key
    if key is None:
        return {}
    facts: dict[str, Any] = {}
    targets = [t for t in call.target_ids if t is not None]
    assign = _assign_path(ctx, targets, key)
    if assign is not None:
        facts["assign"] = assign
    trip = value_roundtrip(ctx, call, targets, key)
    if trip is not None:
        facts["roundtrip"] = trip
    facts["others"] = _other_sources(ctx, call, targets)
    return facts


def _assign_path(ctx: RunContext, targets: list[int], key: int) -> dict[str, Any] | None:
    flow = ctx.flow
    wide = flow.ancestors(targets, through_assign=True)
    if key not in wide:
        return None
    first_writer: dict[int, int] = {}
    for op in flow.ops:
        if not (op.handles and not op.outputs) or op.phase == "optimizer" or not all(flow.is_variable(h) for h in op.handles):
            continue
        for h in op.handles:
            first_writer.setdefault(h, op.index)
        if not any(h in wide for h in op.handles):
            continue
        values = [i for i in op.inputs if i not in op.handles]
        if key in flow.ancestors(values, through_assign=True):
            initial = all(first_writer.get(h) == op.index for h in op.handles)
            return {"op": op.type, "line": op.line, "initial": initial}
    return None


def value_roundtrip(ctx: RunContext, call: GradCall, targets: list[int], key: int) -> dict[str, Any] | None:
    """The last value taken out of TF from the source's data before a constant fed the target."""
    flow = ctx.flow
    values = ctx.rec.values
    if not values:
        return None
    derived = flow.descendants(key)
    events = [e for e in values if e.tensor in derived and e.seq < call.seq]
    if not events:
        return None
    consts = _target_constants(ctx, targets, call.seq)
    best: ValueEvent | None = None
    for e in events:
        if any(cid > e.watermark and seq > e.seq for cid, seq in consts) or not targets:
            best = e
    if best is None:
        return None
    return {"kind": best.kind, "op": best.op, "line": best.line, "in_tape": call.tape in best.tapes}


def _target_constants(ctx: RunContext, targets: list[int], default: int) -> list[tuple[int, int]]:
    """(id, seq of first use) of every producer-less tensor the target derives from.

    A target that is itself a constant was never an op input: it counts as
    first used by the gradient call (``default``).
    """
    flow = ctx.flow
    out = []
    for t in flow.ancestors(targets):
        if flow.op_of(t) is not None:
            continue
        use = ctx.rec.first_use.get(t)
        seq = flow.ops[use].seq if use is not None else default
        out.append((t, seq))
    return out


def _other_sources(ctx: RunContext, call: GradCall, targets: list[int]) -> dict[str, int]:
    """How many of the call's sources reach the target, and how many variables it reads besides."""
    flow = ctx.flow
    ancestry = flow.ancestors(targets)
    keys = {s.key for s in call.sources if s.key is not None}
    connected = sum(1 for k in keys if k in ancestry)
    handles = {h for op in flow.ops if op.outputs for h in op.handles if op.outputs[0] in ancestry}
    return {"sources": len(keys), "connected": connected, "other_variables": len(handles - keys)}
