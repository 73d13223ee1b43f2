"""Provides the iterative walk over the autograd graph (``grad_fn.next_functions``).

The walk is DAG-aware (a node reached twice is one node), never recurses (a
10,000-deep chain is fine), stops at a node limit, shows ``(None, 0)`` inputs
as ``cut`` nodes and labels leaves with the user's names.
"""

from __future__ import annotations

from collections import deque
from typing import Any, Callable

import torch

from gradrepl.core.report import Graph, GraphNode

META_LINE = "gradrepl_line"
META_SEQ = "gradrepl_seq"
META_SCALARS = "gradrepl_scalars"
ACCUMULATE = "torch::autograd::AccumulateGrad"
CUT_NOTE = "input did not require grad"
REUSE_SCAN_LIMIT = 20_000

_BackwardCFunction = torch.autograd.function.BackwardCFunction


class GraphResult:
    """The plain graph plus the lookups the backend needs afterwards."""

    def __init__(self) -> None:
        self.graph = Graph(root=None)
        self.node_of: dict[Any, int] = {}
        """grad_fn object -> node id."""
        self.leaf_of: dict[int, int] = {}
        """id of a leaf tensor -> node id of its AccumulateGrad."""
        self.parents: list[int] = []
        """First parent of each node on the walk (-1 for roots): a path back to the loss."""


def walk(roots: list[tuple[Any, str | None]], leaf_info: Callable[[Any], tuple[str | None, int | None, int | None]],
         limit: int) -> GraphResult:
    """Walk from each root grad_fn; ``leaf_info(tensor)`` gives (label, uid, line) of a leaf."""
    res = GraphResult()
    graph = res.graph
    nodes = graph.nodes
    children = graph.children
    node_of = res.node_of
    parents = res.parents
    todo: deque[tuple[Any, int]] = deque()
    for fn, label in roots:
        if fn is None or fn in node_of:
            continue
        if len(nodes) >= limit:
            graph.truncated = True
            break
        nid = _add(res, fn, "root", label, leaf_info, -1)
        if graph.root is None:
            graph.root = nid
        todo.append((fn, nid))
    while todo:
        fn, nid = todo.pop()
        kids = children[nid]
        inputs = fn.next_functions
        scalars = fn.metadata.get(META_SCALARS, 0) if nodes[nid].line is not None else 0
        for child, _ in inputs:
            if len(nodes) >= limit:
                graph.truncated = True
                todo.clear()
                break
            if child is None and scalars:
                scalars -= 1  # the slot of a Python number the op took, not a cut
                continue
            if child is None:
                cid = len(nodes)
                nodes.append(GraphNode(id=cid, op="(no grad)", kind="cut", note=CUT_NOTE))
                children.append([])
                parents.append(nid)
                kids.append(cid)
                continue
            cid = node_of.get(child)
            if cid is None:
                cid = _add(res, child, "op", None, leaf_info, nid)
                todo.append((child, cid))
            kids.append(cid)
    return res


def _add(res: GraphResult, fn: Any, kind: str, label: str | None,
         leaf_info: Callable[[Any], tuple[str | None, int | None, int | None]], parent: int) -> int:
    nodes = res.graph.nodes
    nid = len(nodes)
    name = fn.name()
    node = GraphNode(id=nid, op=name, kind=kind, label=label)  # type: ignore[arg-type]
    if name == ACCUMULATE:
        node.op = "AccumulateGrad"
        var = fn.variable
        node.label, node.var, node.line = leaf_info(var)
        if kind != "root":
            node.kind = "leaf"
        res.leaf_of[id(var)] = nid
    else:
        line = fn.metadata.get(META_LINE)
        node.line = line
        if isinstance(fn, _BackwardCFunction):
            node.note = "custom autograd.Function"
    nodes.append(node)
    res.graph.children.append([])
    res.parents.append(parent)
    res.node_of[fn] = nid
    return nid


def reused_node(loss_fn: Any, previous_seq: int) -> dict[str, Any] | None:
    """On 'backward through the graph a second time': the first node (breadth first
    from the loss) that was created before the previous backward, i.e. the part of
    the graph this backward shares with one that already freed it."""
    if not previous_seq:
        return None
    seen = {loss_fn}
    queue: deque[Any] = deque([loss_fn])
    while queue and len(seen) < REUSE_SCAN_LIMIT:
        fn = queue.popleft()
        seq = fn.metadata.get(META_SEQ)
        if seq is not None and seq <= previous_seq:
            return {"op": fn.name(), "line": fn.metadata.get(META_LINE), "is_loss": fn is loss_fn}
        for child, _ in fn.next_functions:
            if child is not None and child not in seen:
                seen.add(child)
                queue.append(child)
    return None


def leaves_of(fn: Any, limit: int = 500) -> list[Any]:
    """Leaf tensors reachable from a grad_fn (bounded walk)."""
    out: list[Any] = []
    seen = {fn}
    stack = [fn]
    while stack and len(seen) < limit:
        node = stack.pop()
        if node.name() == ACCUMULATE:
            out.append(node.variable)
            continue
        for child, _ in node.next_functions:
            if child is not None and child not in seen:
                seen.add(child)
                stack.append(child)
    return out
