"""Provides the gradient graph of a TF run: from the loss down to the variables.

Built iteratively from the op log, one node per tensor (so shared inputs make
a DAG, not a tree). A tensor the tape recorded and a gradient reaches is an
``op`` node expanded further; a variable read is a ``leaf``; an input on the
data path that the gradient cannot reach (a StopGradient output, a value
computed outside the tape, a constant re-made from NumPy, an unwatched
constant the user asked about) is a ``cut`` node with a note. Plain constants
(shapes, literals) are left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gradrepl.backends.tf import internals
from gradrepl.backends.tf.flow import BLOCKING, Flow
from gradrepl.backends.tf.log import OpRec
from gradrepl.core.report import Graph, GraphNode

_NOTES = {
    "stop": "tf.stop_gradient: no gradient flows back through it",
    "none": "this operation has no gradient",
    "numpy": "runs NumPy or Python code (tf.numpy_function, or a tf.py_function that left TensorFlow), which has no gradient",
}


@dataclass
class Root:
    """One gradient target to draw from."""

    tensor: int
    tape: int
    label: str


class GraphBuilder:
    """Walks the log from the roots; ``name`` names variable handles and tensors."""

    def __init__(self, flow: Flow, name: Callable[[int], str | None], var_uids: set[int], limit: int) -> None:
        self.flow = flow
        self.name = name
        self.var_uids = var_uids
        self.limit = max(limit, 1)
        self.graph = Graph(root=None)
        self._ids: dict[tuple[int, int], int] = {}
        self._sources = var_uids
        self._derived: set[int] | None = None

    def build(self, roots: list[Root]) -> Graph:
        if not roots:
            return self.graph
        if len(roots) == 1:
            self.graph.root = self._walk(roots[0])
        else:
            top = self._node(GraphNode(id=0, op="gradients", kind="root", label=", ".join(r.label for r in roots)))
            self.graph.root = top
            for r in roots:
                child = self._walk(r)
                if child is not None:
                    self.graph.children[top].append(child)
        return self.graph

    def _node(self, node: GraphNode) -> int:
        node.id = len(self.graph.nodes)
        self.graph.nodes.append(node)
        self.graph.children.append([])
        return node.id

    def _walk(self, root: Root) -> int | None:
        live = self.flow.live(root.tape, [root.tensor])
        first = self._visit(root.tensor, root.tape, live, root.label)
        stack = [(root.tensor, first)] if first is not None else []
        while stack:
            tid, nid = stack.pop()
            node = self.graph.nodes[nid]
            if node.kind in ("leaf", "cut"):
                continue
            op = self.flow.op_of(tid)
            if op is None:
                continue
            if len(self.graph.nodes) >= self.limit:
                self.graph.truncated = True
                continue
            for child in self._inputs(op, root.tape, live):
                key = (root.tape, child)
                known = self._ids.get(key)
                if known is None:
                    if len(self.graph.nodes) >= self.limit:
                        self.graph.truncated = True
                        break
                    known = self._visit(child, root.tape, live, None, parent=op)
                    if known is None:
                        continue
                    stack.append((child, known))
                self.graph.children[nid].append(known)
        if first is not None:
            self.graph.nodes[first].kind = "root" if self.graph.nodes[first].kind == "op" else self.graph.nodes[first].kind
        return first

    def _inputs(self, op: OpRec, tape: int, live: set[int]) -> list[int]:
        return [i for i in op.inputs if i not in op.handles and (i in live or self._worth_showing(i))]

    def _worth_showing(self, tid: int) -> bool:
        """An unreachable input is drawn when it carries a source's value or is one."""
        if self._derived is None:
            derived = set(self._sources)
            for op in self.flow.ops:
                if any(i in derived for i in op.inputs):
                    derived.update(op.outputs)
            self._derived = derived
        return tid in self._derived

    def _visit(self, tid: int, tape: int, live: set[int], label: str | None, parent: OpRec | None = None) -> int | None:
        op = self.flow.op_of(tid)
        if op is not None and op.handles:
            return self._variable(op, tid, tape, live)
        if op is None:
            var = tid if tid in self._sources else None
            node = GraphNode(id=0, op="Const", kind="cut", label=label or self.name(tid), var=var, note=_const_note(tid in live))
        elif self.flow.op_kind(op) in BLOCKING:
            node = GraphNode(id=0, op=op.type, kind="cut", line=op.line, label=label, note=_NOTES[self.flow.op_kind(op)])
        elif tid not in live and (parent is None or any(i in live for i in op.inputs)):
            kind = "cut" if any(i in live for i in op.inputs) else "op"
            node = GraphNode(id=0, op=op.type, kind=kind, line=op.line, label=label, note=self._cut_note(op, tape) if kind == "cut" else None)
        else:
            node = GraphNode(id=0, op=op.type, kind="op", line=op.line, label=label)
        nid = self._node(node)
        self._ids[(tape, tid)] = nid
        return nid

    def _variable(self, op: OpRec, tid: int, tape: int, live: set[int]) -> int:
        """A variable read is drawn as the variable itself (one leaf per variable)."""
        handle = op.handles[0]
        known = self._ids.get((tape, handle))
        if known is not None:
            self._ids[(tape, tid)] = known
            return known
        var = handle if handle in self._sources else None
        if tid in live:
            node = GraphNode(id=0, op="Variable", kind="leaf", label=self.name(handle), var=var, line=op.line)
        else:
            note = self._cut_note(op, tape)
            node = GraphNode(id=0, op="Variable", kind="cut", label=self.name(handle), var=var, line=op.line, note=note)
        nid = self._node(node)
        self._ids[(tape, tid)] = self._ids[(tape, handle)] = nid
        return nid

    def _cut_note(self, op: OpRec, tape: int) -> str:
        kind = self.flow.op_kind(op)
        if kind in _NOTES:
            return _NOTES[kind]
        if op.out_enums and op.out_enums[0] not in internals.get().trainable_enums:
            return "an integer or boolean result: no gradient"
        if tape not in op.tapes:
            return "computed while this tape was not recording"
        if op.handles and op.watched is False:
            return "a variable the tape does not watch (trainable=False)"
        return "not recorded by the tape"


def _const_note(live: bool) -> str:
    return "a watched tensor" if live else "a constant the tape does not watch"
