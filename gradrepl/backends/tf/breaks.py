"""Provides where and why the gradient path from a target to one source breaks.

For one gradient call and one of its sources, compare the data path (what the
target's value derives from) with the live path (what the tape recorded and a
gradient can flow through). The break is the first op whose input derives
from the source and is live, but whose output, still on the way to the
target, is not; or the first use of the source that no tape recorded. The
result is a small JSON-safe dict of facts for the diagnosis rules.
"""

from __future__ import annotations

from typing import Any

from gradrepl.backends.tf import internals
from gradrepl.backends.tf.flow import BLOCKING, Flow
from gradrepl.backends.tf.log import GradCall, OpRec
from gradrepl.backends.tf.nanpath import path_facts


def analyze(flow: Flow, call: GradCall, source: int) -> dict[str, Any]:
    """Facts about the path from ``call``'s target to ``source`` (handle or tensor id)."""
    targets = [t for t in call.target_ids if t is not None]
    ancestry = flow.ancestors(targets)
    live = flow.live(call.tape, targets)
    facts: dict[str, Any] = {
        "data_connected": source in ancestry,
        "recorded_connected": source in live,
    }
    if source in live:
        facts.update(path_facts(flow, call.tape, source, live))
        return facts
    if source in ancestry:
        brk = find_break(flow, call, source, ancestry)
        if brk is not None:
            facts["break"] = brk
    return facts


def find_break(flow: Flow, call: GradCall, source: int, ancestry: set[int]) -> dict[str, Any] | None:
    """The earliest op on a data path from source to target where the gradient path ends."""
    tracked = flow.tracked(call.tape)
    reach = {source}
    alive: set[int] = set()
    for op in flow.producers(ancestry):
        ins = [i for i in op.inputs if i in reach]
        if not ins:
            continue
        outs = [o for o in op.outputs if o in ancestry]
        reach.update(outs)
        if not outs:
            continue
        live_in = [i for i in ins if i in alive or tracked.get(i, op.seq + 1) <= op.seq]
        if live_in:
            if flow.op_kind(op) in BLOCKING or not any(o in tracked for o in outs):
                return describe(flow, op, "blocked", call, source)
            alive.update(o for o in outs if o in tracked)
        elif source in ins:
            return describe(flow, op, "entry", call, source)
    return None


def describe(flow: Flow, op: OpRec, where: str, call: GradCall, source: int) -> dict[str, Any]:
    """The break as facts: the op, its line, and the reason it passes no gradient."""
    names = internals.get().enum_names
    out_dtype = names.get(op.out_enums[0], str(op.out_enums[0])) if op.out_enums else ""
    facts: dict[str, Any] = {
        "op": op.type,
        "line": op.line,
        "reason": _reason(flow, op, where, call),
        "where": where,
        "out_dtype": out_dtype,
        "seq": op.seq,
        "frames": [op.line, *op.outer],
    }
    at_tape = _frame_at_tape(flow, call, facts["frames"])
    if at_tape is not None:
        facts["tape_frame_line"] = at_tape
    left = (op.facts or {}).get("left_tf")
    if left:
        facts["left_tf"] = dict(left)
    watched = flow.watch_seq(call.tape, source)
    if where == "entry" and watched is not None and watched > op.seq:
        facts["watched_after"] = _watch_line(flow, call.tape, watched)
    return facts


def _frame_at_tape(flow: Flow, call: GradCall, frames: list[int | None]) -> int | None:
    """The op's line in the function whose ``with`` block holds the tape: the call site
    of a helper (``loss = loss_fn()``) rather than the line inside the helper."""
    rec = flow.rec.tapes.get(call.tape)
    if rec is None or rec.depth < 1 or len(frames) < rec.depth:
        return None
    return frames[len(frames) - rec.depth]


def handoffs(flow: Flow, call: GradCall, source: int, ancestry: set[int]) -> list[OpRec]:
    """Ops on a data path from source to target that ran before the call's tape started
    and whose output an op run after it started uses: where the value entered the tape
    (latest first)."""
    rec = flow.rec.tapes.get(call.tape)
    if rec is None or rec.entered_seq is None:
        return []
    start = rec.entered_seq
    on_path = flow.descendants(source) & ancestry
    before = {o: op for op in flow.producers(on_path) if op.seq < start for o in op.outputs if o in on_path}
    found: dict[int, OpRec] = {}
    for op in flow.producers(ancestry):
        if op.seq > start:
            for i in op.inputs:
                if i in before:
                    found[before[i].index] = before[i]
    return sorted(found.values(), key=lambda op: -op.seq)


def _watch_line(flow: Flow, tape: int, seq: int) -> int | None:
    rec = flow.rec.tapes.get(tape)
    return next((w.line for w in rec.watches if w.seq == seq), None) if rec else None


def _reason(flow: Flow, op: OpRec, where: str, call: GradCall) -> str:
    kind = flow.op_kind(op)
    if where == "blocked":
        if kind == "stop":
            return "stop_gradient"
        if kind == "numpy":
            return "numpy_function"
        if op.out_enums and not flow.is_float(op.out_enums[0]):
            return "int_output" if op.type != "Cast" else "int_cast"
        if kind == "none":
            return "no_gradient"
        if call.tape not in op.tapes:
            return _not_recording(flow, op, call)
        return "not_tracked"
    # an entry: the source's first use was not recorded by the tape
    if call.tape not in op.tapes:
        return _not_recording(flow, op, call)
    if op.handles:
        tape = flow.rec.tapes.get(call.tape)
        return "watch_accessed_off" if tape is not None and not tape.watch_accessed else "not_watched_variable"
    return "not_watched"


def _not_recording(flow: Flow, op: OpRec, call: GradCall) -> str:
    tape = flow.rec.tapes.get(call.tape)
    if tape is None or tape.entered_seq is None or op.seq < tape.entered_seq:
        return "before_tape"
    if tape.exited_seq is not None and op.seq > tape.exited_seq:
        return "after_tape"
    return "paused"
