"""Provides the iterative walk over the autograd graph (``grad_fn.next_functions``).

The walk is DAG-aware (a node reached twice is one node), never recurses (a
10,000-deep chain is fine), stops at a node limit, shows ``(None, 0)`` inputs
as ``cut`` nodes and labels leaves with the user's names.
"""

from __future__ import annotations

import gc
from collections import deque
from typing import Any, Callable

import torch

from gradrepl.backends.torch.nodes import META_LINE, META_SCALARS, META_SEQ
from gradrepl.core.report import Graph, GraphNode

ACCUMULATE = "torch::autograd::AccumulateGrad"
CUT_NOTE = "input did not require grad"
REUSE_SCAN_LIMIT = 5_000
WALK_DEPTH = 10_240
"""The walk creates a Python object for every node it visits; torch frees a chain of
25,000-40,000 such nodes recursively and overflows the C stack (see recorder.tagged).
Deeper nodes are left alone (the graph says truncated)."""

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
        self.depth: list[int] = []
        """Distance of each node from its root along the walk."""


def walk(roots: list[tuple[Any, str | None]], leaf_info: Callable[[Any], tuple[str | None, int | None, int | None]],
         limit: int) -> GraphResult:
    """Walk from each root grad_fn; ``leaf_info(tensor)`` gives (label, uid, line) of a leaf."""
    enabled = gc.isenabled()
    gc.disable()  # the walk only allocates; collections on a growing heap make it quadratic
    try:
        return _walk(roots, leaf_info, limit)
    finally:
        if enabled:
            gc.enable()


def _walk(roots: list[tuple[Any, str | None]], leaf_info: Callable[[Any], tuple[str | None, int | None, int | None]],
          limit: int) -> GraphResult:
    res = GraphResult()
    graph = res.graph
    nodes = graph.nodes
    todo: list[tuple[Any, int, int]] = []
    for fn, label in roots:
        if fn is None or fn in res.node_of:
            continue
        if len(nodes) >= limit:
            graph.truncated = True
            break
        nid, scalars = _add(res, fn, "root", label, leaf_info, -1)
        res.depth.append(0)
        if graph.root is None:
            graph.root = nid
        todo.append((fn, nid, scalars))
    _expand(res, todo, leaf_info, limit)
    return res


def _expand(res: GraphResult, todo: list[tuple[Any, int, int]],
            leaf_info: Callable[[Any], tuple[str | None, int | None, int | None]], limit: int) -> None:
    """Depth-first over next_functions; the hot loop of the walk (100,000 nodes must take well under a second)."""
    graph = res.graph
    nodes, children, parents, node_of = graph.nodes, graph.children, res.parents, res.node_of
    pop, push, get = todo.pop, todo.append, node_of.get
    depth = res.depth
    while todo:
        fn, nid, scalars = pop()
        kids = children[nid]
        if depth[nid] >= WALK_DEPTH:
            graph.truncated = True  # deeper nodes stay untouched (see recorder.tagged)
            continue
        for child, _ in fn.next_functions:
            if child is None:
                if scalars:
                    scalars -= 1  # the slot of a Python number the op took, not a cut
                    continue
                if len(nodes) >= limit:
                    graph.truncated = True
                    return
                cid = len(nodes)
                nodes.append(GraphNode(id=cid, op="(no grad)", kind="cut", note=CUT_NOTE))
                children.append([])
                parents.append(nid)
                depth.append(depth[nid] + 1)
                kids.append(cid)
                continue
            cid = get(child)
            if cid is None:
                if len(nodes) >= limit:
                    graph.truncated = True
                    return
                cid, child_scalars = _add(res, child, "op", None, leaf_info, nid)
                depth.append(depth[nid] + 1)
                push((child, cid, child_scalars))
            kids.append(cid)


def _add(res: GraphResult, fn: Any, kind: str, label: str | None,
         leaf_info: Callable[[Any], tuple[str | None, int | None, int | None]], parent: int) -> tuple[int, int]:
    """Append the node of ``fn``; returns its id and the number of Python-number inputs it took."""
    nodes = res.graph.nodes
    nid = len(nodes)
    name = fn.name()
    scalars = 0
    if name == ACCUMULATE:
        var = fn.variable
        node = GraphNode(id=nid, op="AccumulateGrad", kind="root" if kind == "root" else "leaf")
        node.label, node.var, node.line = leaf_info(var)
        res.leaf_of[id(var)] = nid
    else:
        meta = fn.metadata
        node = GraphNode(id=nid, op=name, kind=kind, label=label, line=meta.get(META_LINE))  # type: ignore[arg-type]
        if meta:
            scalars = meta.get(META_SCALARS, 0)
        if isinstance(fn, _BackwardCFunction):
            node.note = "custom autograd.Function"
    nodes.append(node)
    res.graph.children.append([])
    res.parents.append(parent)
    res.node_of[fn] = nid
    return nid, scalars


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
