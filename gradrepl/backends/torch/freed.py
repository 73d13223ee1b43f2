"""Provides the part of a graph that an earlier backward already freed.

On "backward through the graph a second time", the failing loss shares nodes
with the graph of an earlier backward that did not keep its graph. The first
shared node (breadth first from the loss) is the value reused across the two;
the variables behind a shared node are the ones the error is about: their
gradient lacks this backward's share even when the earlier one left them a
gradient. A variable reached only through freshly built nodes is not.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from gradrepl.backends.torch.graphwalk import ACCUMULATE
from gradrepl.backends.torch.nodes import META_LINE, META_SEQ

SCAN_LIMIT = 5_000
"""Nodes looked at per walk, at most (only on the error path; every node touched gets a Python object)."""
KEEP = 8
"""Earlier losses remembered (their nodes only: the saved tensors are already freed)."""


def remember(kept: list[Any], loss_fn: Any) -> None:
    """Keep the grad_fn of a backward that freed its graph."""
    if loss_fn is not None:
        kept.append(loss_fn)
        del kept[:-KEEP]


def freed_part(loss_fn: Any, earlier: list[Any], previous_seq: int) -> tuple[dict[str, Any] | None, list[Any]]:
    """The value this backward reuses from a graph an earlier backward freed, and the leaf
    tensors behind any freed node (a node is visited once on a fresh path and once behind
    a freed node)."""
    freed = _reached(earlier)
    if loss_fn is None or not freed:
        return None, []
    first: dict[str, Any] | None = None
    leaves: list[Any] = []
    parent: dict[Any, Any] = {loss_fn: None}
    seen: set[tuple[Any, bool]] = {(loss_fn, False)}
    queue: deque[tuple[Any, bool]] = deque([(loss_fn, False)])
    while queue and len(seen) < SCAN_LIMIT:
        fn, behind = queue.popleft()
        if fn.name() == ACCUMULATE:  # leaves are shared by every graph: not a freed part
            if behind:
                leaves.append(fn.variable)
            continue
        if fn in freed:
            behind = True
            if first is None or first["line"] is None:
                found = _reused_value(fn, parent, previous_seq)
                if first is None or found["line"] is not None:
                    first = dict(found, is_loss=found["node"] is loss_fn)
        for child, _ in fn.next_functions:
            if child is not None and (child, behind) not in seen:
                seen.add((child, behind))
                parent.setdefault(child, fn)
                queue.append((child, behind))
    if first is not None:
        del first["node"]
    return first, leaves


def _reused_value(fn: Any, parent: dict[Any, Any], previous_seq: int) -> dict[str, Any]:
    """The value the user carried into the freed part: the freed node itself when it has
    a line, else the nearest node above it on the path from the loss that was made before
    the earlier backward (an RNN's hidden state, whose own node that backward never ran)."""
    node = fn
    while node is not None:
        line, seq = node.metadata.get(META_LINE), node.metadata.get(META_SEQ)
        if line is not None:
            if node is fn or (seq is not None and seq <= previous_seq):
                return {"node": node, "op": node.name(), "line": line}
            break  # a node made after the earlier backward: fresh, not the reused value
        node = parent.get(node)
    return {"node": fn, "op": fn.name(), "line": None}


def _reached(fns: list[Any]) -> set[Any]:
    seen = {fn for fn in fns if fn is not None}
    stack = list(seen)
    while stack and len(seen) < SCAN_LIMIT:
        node = stack.pop()
        for child, _ in node.next_functions:
            if child is not None and child not in seen:
                seen.add(child)
                stack.append(child)
    return seen
