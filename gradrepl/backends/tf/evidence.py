"""Provides the evidence dict of one TF variable (keys documented in docs/backends-tf.md).

Facts only, no verdicts: which gradient call asked for the variable and what
came back, whether its value reaches the target by data and by the tape's
record, where the path breaks and why, reads, watches, values taken out of
TensorFlow, Keras ownership. ``gradrepl.diagnosis.tf_rules`` turns them into
causes.
"""

from __future__ import annotations

from typing import Any

from gradrepl.backends.tf.breaks import analyze, handoffs
from gradrepl.backends.tf.context import RunContext
from gradrepl.backends.tf.log import GradCall, SourceRef
from gradrepl.backends.tf.roundtrip import not_connected_facts, value_roundtrip


def evidence_for(ctx: RunContext, ref: SourceRef, owner: Any = None, owner_name: str | None = None) -> dict[str, Any]:
    """Every fact the rules may need about one variable or tensor."""
    key = ref.key
    ev: dict[str, Any] = {"source": ref.kind, "requested": key in ctx.last_call}
    _variable_facts(ctx, ref, ev)
    last = ctx.last_call.get(key) if key is not None else None
    if last is not None:
        call, _ = last
        ev["call"] = call_facts(ctx, call)
        if call.error is None and key is not None:
            _path_facts(ctx, call, ref, ev)
        elif key is not None:
            ev.update(_error_facts(ctx, call, key))
            if _raised_in_backprop(call):
                _path_facts(ctx, call, ref, ev)
    elif key is not None:
        feeds = _feeding_call(ctx, key)
        if feeds is not None:
            ev["feeds_call"] = feeds
    applied = ctx.last_apply.get(key) if key is not None else None
    if applied is not None:
        ap, i = applied
        ev["applied"] = {"line": ap.line, "grad": "none" if ap.grads[i] is None else "present", "error": ap.error}
    if owner is not None:
        ev["keras"] = keras_facts(ctx, owner, owner_name, ref)
    _empty_lists(ctx, ev)
    return ev


def _variable_facts(ctx: RunContext, ref: SourceRef, ev: dict[str, Any]) -> None:
    key = ref.key
    if key is None:
        return
    creator = ctx.flow.op_of(key)
    ev["created_in_run"] = creator is not None or key in ctx.rec.created
    ev["created_line"] = creator.line if creator is not None else ctx.rec.created.get(key)
    if ref.kind == "tensor":
        ev["derived"] = _tensor_origin(ctx, key, ref)
        return
    reads = ctx.flow.reads_of(key)
    ev["reads"] = len(reads)
    ev["first_read_line"] = reads[0].line if reads else None
    ev["trainable"] = bool(getattr(ref.obj, "trainable", True))


def _tensor_origin(ctx: RunContext, key: int, ref: SourceRef) -> dict[str, Any] | None:
    """How a tensor source came to be: an op on a variable (rebound) or a constant."""
    op = ctx.flow.op_of(key)
    if op is None:
        return None
    handles = ctx.flow.ancestors([key]) & ctx.flow.handle_ids()
    bound = ctx.src.bound_names(op.line)
    return {
        "op": op.type,
        "line": op.line,
        "from_variable": bool(handles) and _name_held_variable(ctx, ref, op.line),
        "assigns_same_name": bool(ref.expr and ref.expr in bound) or _same_name(ctx, key, bound),
    }


def _name_held_variable(ctx: RunContext, ref: SourceRef, line: int | None) -> bool:
    """Whether the name now holding this tensor held a tf.Variable before: the line
    rebinds a name from itself (``w = w - lr * g``), or an earlier line made a Variable
    under that name. A model output (``out = model(x)``) also derives from variables,
    but its name never held one."""
    if ctx.src.rebinds_itself(line):
        return True
    names = set(ctx.src.bound_names(line)) | ({str(ref.expr)} if ref.expr else set())
    return any(ctx.src.held_variable(name, line) for name in names)


def _same_name(ctx: RunContext, key: int, bound: list[str]) -> bool:
    name = ctx.index.name(key)
    return bool(name and name in bound)


def _path_facts(ctx: RunContext, call: GradCall, ref: SourceRef, ev: dict[str, Any]) -> None:
    key = ref.key
    assert key is not None
    ev.update(analyze(ctx.flow, call, key))
    if "break" in ev:
        _mark_rebinding(ctx, call, ev["break"])
        _mark_entry(ctx, call, ev["break"], key)
    if not ev.get("data_connected"):
        ev.update(not_connected_facts(ctx, call, ref))


def _raised_in_backprop(call: GradCall) -> bool:
    """A call on a tensor target that raised while computing the gradient (a shape
    error out of a gradient function), not for reusing a released tape."""
    error = call.error or ""
    return any(t is not None for t in call.target_ids) and "non-persistent" not in error


def _mark_entry(ctx: RunContext, call: GradCall, brk: dict[str, Any], key: int) -> None:
    """For a value computed before the tape started: the line whose assignment carried
    it into the tape's ``with`` block (``y_pred = model(x)`` just before the block), even
    when the op itself ran deeper, inside the user's own ``call()``."""
    if brk.get("reason") != "before_tape" or brk.get("rebinds"):
        return
    tape = ctx.rec.tapes.get(call.tape)
    reads = ctx.src.with_body_reads(tape.line) if tape is not None else set()
    if not reads:
        return
    targets = [t for t in call.target_ids if t is not None]
    candidates = [brk.get("frames") or [brk.get("line")]]
    candidates += [[op.line, *op.outer] for op in handoffs(ctx.flow, call, key, ctx.flow.ancestors(targets))]
    for frames in candidates:
        for line in frames:
            if line is not None and reads.intersection(ctx.src.bound_names(line)):
                brk["entry_line"] = line
                return


def _mark_rebinding(ctx: RunContext, call: GradCall, brk: dict[str, Any]) -> None:
    """A read outside the tape on a line like ``self.w = self.w * mask`` that runs again
    inside the tape: the name stopped holding the variable after the first pass."""
    if brk.get("reason") not in ("before_tape", "after_tape") or not ctx.src.rebinds_itself(brk.get("line")):
        return
    if any(op.line == brk["line"] and call.tape in op.tapes for op in ctx.flow.ops):
        brk["rebinds"] = True


def _feeding_call(ctx: RunContext, key: int) -> dict[str, Any] | None:
    """The latest gradient call whose target's value derives from this unrequested key."""
    for call in reversed(ctx.rec.calls):
        targets = [t for t in call.target_ids if t is not None]
        if targets and key in ctx.flow.ancestors(targets):
            return {"line": call.line, "target": ctx.target_name(call), "sources": len(call.sources)}
    return None


def call_facts(ctx: RunContext, call: GradCall) -> dict[str, Any]:
    """The gradient call that last asked for the variable."""
    tape = ctx.rec.tapes.get(call.tape)
    earlier = [c for c in ctx.rec.calls if c.tape == call.tape and c.seq < call.seq]
    return {
        "index": call.index,
        "line": call.line,
        "target_line": _target_binding(ctx, call),
        "tape": call.tape,
        "tape_line": tape.line if tape else None,
        "tape_entered": tape is not None and tape.entered_seq is not None,
        "persistent": call.persistent,
        "target": ctx.target_name(call),
        "target_is_tensor": any(t is not None for t in call.target_ids),
        "target_type": type(call.targets[0]).__name__ if call.targets else "",
        "target_numpy": bool(call.targets) and type(call.targets[0]).__module__ == "numpy",
        "error": call.error,
        "error_type": call.error_type,
        "unconnected": call.unconnected,
        "internal": call.internal,
        "sources": len(call.sources),
        "earlier_call_line": earlier[-1].line if earlier else None,
        "inside_tape": tape is not None and call.tape in _active_at(ctx, call.seq),
    }


def _target_binding(ctx: RunContext, call: GradCall) -> int | None:
    """The line that last bound the name passed as the call's target (``loss = ...``)."""
    expr = call.target_expr
    if not expr or not expr.isidentifier() or call.line is None:
        return None
    return ctx.src.last_binding(expr, before=call.line)


def _active_at(ctx: RunContext, seq: int) -> tuple[int, ...]:
    tapes = []
    for tid, t in ctx.rec.tapes.items():
        if t.entered_seq is not None and t.entered_seq < seq and (t.exited_seq is None or t.exited_seq > seq):
            tapes.append(tid)
    return tuple(tapes)


def _error_facts(ctx: RunContext, call: GradCall, key: int) -> dict[str, Any]:
    """For a call that raised: did an earlier call on the same tape cover this source?"""
    earlier = [c for c in ctx.rec.calls if c.tape == call.tape and c.seq < call.seq and c.error is None]
    facts: dict[str, Any] = {}
    if earlier:
        facts["earlier_call_line"] = earlier[-1].line
    if not any(t is not None for t in call.target_ids):
        trip = value_roundtrip(ctx, call, [], key)
        if trip is not None:
            facts["roundtrip"] = trip
    return facts


def keras_facts(ctx: RunContext, layer: Any, layer_name: str | None, ref: SourceRef) -> dict[str, Any]:
    """Ownership facts for a Keras variable: its layer, whether that layer ever ran."""
    attr = (layer_name or "").rsplit(".", 1)[-1].split("[", 1)[0]
    frozen = [m for m in ctx.rec.markers if m.kind == "trainable_set" and m.detail.get("owner") == id(layer) and not m.detail.get("value")]
    return {
        "trainable_line": frozen[-1].line if frozen else None,
        "layer": layer_name or getattr(layer, "name", ""),
        "layer_class": type(layer).__name__,
        "layer_called": bool(getattr(layer, "_called", True)),
        "layer_built": bool(getattr(layer, "built", True)),
        "layer_trainable": bool(getattr(layer, "trainable", True)),
        "layer_line": ctx.src.attribute_line(attr) if attr else None,
        "variable_trainable": bool(getattr(ref.obj, "trainable", True)),
        "tracked": _tracked_by(layer, ref.obj),
    }


def _tracked_by(layer: Any, var: Any) -> bool:
    """Whether the layer lists the variable among its weights. Keras 3 tracks only the
    weights it makes (``add_weight``, ``keras.Variable``): a ``tf.Variable`` attribute is
    left out of ``trainable_variables``."""
    try:
        weights = list(layer.weights)
    except Exception:  # an unbuilt or broken layer
        return True
    return any(w is var or getattr(w, "value", None) is var for w in weights)


def _empty_lists(ctx: RunContext, ev: dict[str, Any]) -> None:
    """Empty variable lists the user read (``model.trainable_variables`` before build)."""
    empty = [m for m in ctx.rec.markers if m.kind == "empty_variable_list" and not m.detail.get("built", True)]
    if empty:
        ev["empty_list"] = {"line": empty[0].line, "op": empty[0].op}
    calls = [c for c in ctx.rec.calls if not c.sources and not c.internal]
    if calls:
        ev["empty_sources_line"] = calls[0].line
