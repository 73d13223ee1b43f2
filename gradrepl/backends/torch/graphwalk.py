"""Provides the iterative walk over the autograd graph (``grad_fn.next_functions``).

The walk is DAG-aware (a node reached twice is one node), never recurses (a
10,000-deep chain is fine), stops at a node limit, labels leaves with the
user's names, and shows an empty input slot ``(None, 0)`` as a ``cut`` node
only when the recorder saw a value with a cut history go in there (see
graphcuts); plain data and constants are left out.
"""

from __future__ import annotations

import gc
from collections import deque
from typing import Any, Callable

import torch

from gradrepl.backends.torch.graphcuts import CutInfo, place
from gradrepl.backends.torch.nodes import META_CUTS, META_DEPTH, META_LINE, META_SEQ
from gradrepl.core.report import Graph, GraphNode

ACCUMULATE = "torch::autograd::AccumulateGrad"
REUSE_SCAN_LIMIT = 5_000
WALK_DEPTH = 10_240
"""The walk creates a Python object for every node it visits, and torch frees a chain of
40,000-45,000 such nodes recursively, overflowing the C stack (see nodes.tagged). So no
node is expanded whose longest path from the loss may be this long or longer; its inputs
stay untouched and the graph says truncated. The longest path is bounded with the
recorder's depth (META_DEPTH): a residual stack reaches a node by a short path and by a
path as long as every branch together, and it is the long one that torch recurses along."""

_BackwardCFunction = torch.autograd.function.BackwardCFunction
LeafInfo = Callable[[Any], "tuple[str | None, int | None, int | None]"]
CutDescriber = Callable[[frozenset[int]], "CutInfo | None"]


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
        """Each node's distance from its root: the longest path where the recorder's depth bounds
        it (tagged nodes), else one more than its parent's."""


def walk(roots: list[tuple[Any, str | None]], leaf_info: LeafInfo, limit: int,
         cut_info: CutDescriber | None = None) -> GraphResult:
    """Walk from each root grad_fn; ``leaf_info(tensor)`` gives (label, uid, line) of a leaf,
    ``cut_info(taint)`` the (op, line, uid, note) of a cut input (None: a constant)."""
    enabled = gc.isenabled()
    gc.disable()  # the walk only allocates; collections on a growing heap make it quadratic
    try:
        return _Walk(leaf_info, cut_info, limit).run(roots)
    finally:
        if enabled:
            gc.enable()


class _Walk:
    """One walk: the nodes found so far and the rules for adding more."""

    def __init__(self, leaf_info: LeafInfo, cut_info: CutDescriber | None, limit: int) -> None:
        self.res = GraphResult()
        self.leaf_info = leaf_info
        self.cut_info = cut_info
        self.limit = limit

    def run(self, roots: list[tuple[Any, str | None]]) -> GraphResult:
        res = self.res
        graph = res.graph
        todo: list[tuple[Any, int, Any, int | None]] = []
        for fn, label in roots:
            if fn is None or fn in res.node_of:
                continue
            if len(graph.nodes) >= self.limit:
                graph.truncated = True
                break
            nid, cuts, anchor = self.add(fn, "root", label, -1, None)
            if graph.root is None:
                graph.root = nid
            todo.append((fn, nid, cuts, anchor))
        self.expand(todo)
        return res

    def expand(self, todo: list[tuple[Any, int, Any, int | None]]) -> None:
        """Depth-first over next_functions; the hot loop of the walk (100,000 nodes must take well under a second)."""
        res = self.res
        graph = res.graph
        nodes, children, node_of = graph.nodes, graph.children, res.node_of
        pop, push, get = todo.pop, todo.append, node_of.get
        depth, limit, add = res.depth, self.limit, self.add
        while todo:
            fn, nid, cuts, anchor = pop()
            if depth[nid] >= WALK_DEPTH:
                graph.truncated = True  # deeper nodes stay untouched (see WALK_DEPTH)
                continue
            if cuts is not None:
                if not self.expand_with_cuts(fn, nid, cuts, anchor, push):
                    return
                continue
            kids = children[nid]
            for child, _ in fn.next_functions:
                if child is None:
                    continue  # an input that needs no grad and carries no provenance: a constant
                cid = get(child)
                if cid is None:
                    if len(nodes) >= limit:
                        graph.truncated = True
                        return
                    cid, child_cuts, child_anchor = add(child, "op", None, nid, anchor)
                    push((child, cid, child_cuts, child_anchor))
                kids.append(cid)

    def expand_with_cuts(self, fn: Any, nid: int, cuts: Any, anchor: int | None, push: Callable[[Any], None]) -> bool:
        """A node some of whose inputs were cut: the rare, slow path. False when the limit is hit."""
        res = self.res
        nodes, kids = res.graph.nodes, res.graph.children[nid]
        edges = fn.next_functions
        filled, extra = place(cuts, sum(1 for child, _ in edges if child is None))
        empty = 0
        for child, _ in edges:
            if child is None:
                empty += 1
                if filled[empty - 1] and not self.add_cut(filled[empty - 1], nid):
                    return False
                continue
            cid = res.node_of.get(child)
            if cid is None:
                if len(nodes) >= self.limit:
                    res.graph.truncated = True
                    return False
                cid, child_cuts, child_anchor = self.add(child, "op", None, nid, anchor)
                push((child, cid, child_cuts, child_anchor))
            kids.append(cid)
        return all(self.add_cut(taint, nid) for taint in extra)

    def add_cut(self, taint: frozenset[int], parent: int) -> bool:
        """A cut node under ``parent`` when the taint describes one; False when the limit is hit."""
        info = self.cut_info(taint) if self.cut_info is not None else None
        if info is None:
            return True
        res = self.res
        nodes = res.graph.nodes
        if len(nodes) >= self.limit:
            res.graph.truncated = True
            return False
        op, line, var, note = info
        cid = len(nodes)
        nodes.append(GraphNode(id=cid, op=op, kind="cut", line=line, var=var, note=note))
        res.graph.children.append([])
        res.graph.children[parent].append(cid)
        res.parents.append(parent)
        res.depth.append(res.depth[parent] + 1)
        return True

    def add(self, fn: Any, kind: str, label: str | None, parent: int, anchor: int | None) -> tuple[int, Any, int | None]:
        """Append the node of ``fn`` below ``parent``; returns its id, its candidate cut inputs
        (None: no cut input) and the anchor for its inputs: the root's recorder depth, from
        which a tagged node's depth gives the longest path to it."""
        res = self.res
        nodes = res.graph.nodes
        nid = len(nodes)
        name = fn.name()
        cuts = None
        height = res.depth[parent] + 1 if parent >= 0 else 0
        if name == ACCUMULATE:
            var = fn.variable
            node = GraphNode(id=nid, op="AccumulateGrad", kind="root" if kind == "root" else "leaf")
            node.label, node.var, node.line = self.leaf_info(var)
            res.leaf_of[id(var)] = nid
        else:
            meta = fn.metadata
            node = GraphNode(id=nid, op=name, kind=kind, label=label, line=meta.get(META_LINE))  # type: ignore[arg-type]
            if meta:
                cuts = meta.get(META_CUTS)
                known = meta.get(META_DEPTH)
                if known is not None:
                    if anchor is None:  # the root, or the first tagged node below an untagged root
                        anchor = known + height
                    elif anchor - known > height:
                        height = anchor - known
            if isinstance(fn, _BackwardCFunction):
                node.note = "custom autograd.Function"
        nodes.append(node)
        res.graph.children.append([])
        res.parents.append(parent)
        res.depth.append(height)
        res.node_of[fn] = nid
        return nid, cuts, anchor


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
