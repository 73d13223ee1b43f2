"""Provides facts about a connected gradient path: ops that zero it or make it NaN.

Walks forward from a source along the live path to the target and reports the
first op whose gradient is zero everywhere (``tf.sign``), the first
``tf.where`` whose branch held non-finite values (the unselected branch still
sends ``0 * inf = nan`` back), and the first op evaluated at a point where its
derivative is infinite (``sqrt(0)``, ``log(0)``, ``x / 0``).
"""

from __future__ import annotations

from typing import Any

from gradrepl.backends.tf import internals
from gradrepl.backends.tf.flow import Flow
from gradrepl.backends.tf.log import OpRec

_ZERO_AT = {"Sqrt": 0, "Rsqrt": 0, "Log": 0, "Reciprocal": 0, "Inv": 0, "Pow": 0, "RealDiv": 1, "Div": 1, "Xdivy": 1}
_NEGATIVE_AT = {"Sqrt": 0, "Log": 0, "Rsqrt": 0}
_UNIT_AT = {"Acos": 0, "Asin": 0, "Atanh": 0}
"""Ops whose derivative is infinite where the input is exactly 1 or -1."""


def path_facts(flow: Flow, tape: int, source: int, live: set[int]) -> dict[str, Any]:
    """``zero_op``, ``where_nan`` and ``singular`` facts for the live path from source."""
    tracked = flow.tracked(tape)
    alive = {source}
    facts: dict[str, Any] = {}
    for op in flow.producers(live):
        live_in = [n for n, i in enumerate(op.inputs) if i in alive and tracked.get(i, op.seq + 1) <= op.seq]
        if not live_in:
            continue
        outs = [o for o in op.outputs if o in live]
        if not outs:
            continue
        alive.update(outs)
        _note(flow, op, live_in, facts)
    return facts


def _note(flow: Flow, op: OpRec, live_in: list[int], facts: dict[str, Any]) -> None:
    if flow.kind(op.type) == "zero" and "zero_op" not in facts:
        facts["zero_op"] = {"op": op.type, "line": op.line}
    if not op.facts:
        return
    inputs = op.facts.get("inputs", [])
    if op.type in internals.SELECT_OPS:
        # only a branch the gradient flows into matters (a constant -inf branch does not)
        branches = [inputs[n] for n in live_in if n in (1, 2) and n < len(inputs)]
        if "where_nan" not in facts:
            if any(b.get("nonfinite", 0) for b in branches):
                facts["where_nan"] = {"op": op.type, "line": op.line, "reason": "branch_nonfinite"}
            elif "singular" in facts:
                facts["where_nan"] = {"op": op.type, "line": op.line, "reason": "branch_singular"}
        return
    reason = singular_reason(op.type, inputs)
    if reason and "singular" not in facts:
        facts["singular"] = {"op": op.type, "line": op.line, "reason": reason}


def singular_reason(op_type: str, inputs: list[dict[str, int]]) -> str | None:
    """Why the op's derivative blows up at these inputs, or None."""
    at = _ZERO_AT.get(op_type)
    if at is not None and at < len(inputs) and inputs[at].get("zeros", 0):
        return "zero_denominator" if at == 1 else "zero_input"
    unit = _UNIT_AT.get(op_type)
    if unit is not None and unit < len(inputs) and inputs[unit].get("unit", 0):
        return "unit_input"
    neg = _NEGATIVE_AT.get(op_type)
    if neg is not None and neg < len(inputs) and inputs[neg].get("negative", 0):
        return "negative_input"
    if any(i.get("nonfinite", 0) for i in inputs):
        return "nonfinite_input"
    return None
