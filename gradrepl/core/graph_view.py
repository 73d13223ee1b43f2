"""Provides GraphView: a lazy, DAG-aware, folded tree view of a gradient graph.

Shared by the Textual app's gradient tree and the REPL's ``:tree``. A gradient
graph can have 100,000 nodes, diamonds (residual adds double the number of
root-to-leaf paths each time) and chains thousands of ops deep, so a naive tree
is both astronomically large and deeper than a recursive widget survives.
GraphView therefore never materialises the tree; a face asks for one row's
children when the user opens it:

* ``roots()`` gives the top rows: the loss, then a group of the variables the
  loss does not reach (each with its diagnosed cause and line);
* ``children(row, offset)`` gives one page of a row's children (``page_size``
  rows, then a ``more`` row whose ``offset`` asks for the next page);
* a node with several parents is expanded under exactly one of them (its
  parent on a breadth-first walk from the loss, i.e. where it is shallowest);
  everywhere else it is a ``ref`` row pointing at that node;
* a run of at least ``min_chain`` (6) single-input ops that nothing else points
  into is one ``chain`` row ("chain of 812 ops"); opening it shows the node
  after the chain, then a paged flat list of the folded ops;
* ``path_to(node)`` is a new view of only the nodes on some path from the loss
  to that node (what matters for "why does w get no gradient?");
* ``rerooted(node)`` is a view that starts at a node, so a face can cap how
  deep its own widget nests and continue from there;
* ``flatten(view, depth, limit)`` is an iterative pre-order dump for text faces.

Rows are plain data with a ``text`` in plain words and a ``tone`` for styling
(``none``, ``zero``, ``nan``, ``ok``, ``cut``, ``ref``, ``chain``, ``""``).
Node ids are indexes into ``Graph.nodes`` (``Graph.nodes[i].id == i``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from gradrepl.core import causes
from gradrepl.core.grad_text import describe_grad, grad_tone
from gradrepl.core.report import Finding, Graph, GraphNode, VariableInfo

RowKind = Literal["node", "ref", "chain", "ops", "op", "more", "unreached", "var", "message"]

PAGE_SIZE = 50
MIN_CHAIN = 6


@dataclass(frozen=True)
class Row:
    """One row of the tree: a node, a reference, a folded chain, a page marker ..."""

    kind: RowKind
    text: str
    node: int | None = None
    """The graph node shown (``chain``: its first op; ``ref``: the node referred to)."""
    line: int | None = None
    """The source line to jump to, when known."""
    tone: str = ""
    expandable: bool = False
    offset: int = 0
    """For ``more`` rows: the index of the next child to list."""
    count: int = 0
    """For ``chain``/``ops`` rows: how many ops are folded; ``more``: how many remain."""
    var: str | None = None
    """The variable's name, for leaf and ``var`` rows."""

    @property
    def key(self) -> str:
        """Identifies the row within its parent's children."""
        return f"{self.kind}:{self.node}:{self.offset}:{self.var}"


@dataclass(frozen=True)
class _Chain:
    members: tuple[int, ...]
    after: int
    """The node the last member points to (the chain's continuation)."""


class GraphView:
    """A lazy tree over one Graph; cheap to build (linear), each page on demand."""

    def __init__(
        self,
        graph: Graph | None,
        variables: Sequence[VariableInfo] = (),
        findings: Sequence[Finding] = (),
        *,
        root: int | None = None,
        keep: frozenset[int] | None = None,
        page_size: int = PAGE_SIZE,
        min_chain: int = MIN_CHAIN,
    ) -> None:
        self.graph = graph
        self.variables = list(variables)
        self.findings = list(findings)
        self.page_size = max(1, page_size)
        self.min_chain = max(2, min_chain)
        self.keep = keep
        self._nodes: list[GraphNode] = graph.nodes if graph else []
        self._kids = self._filtered_children(graph, keep)
        self.root = self._pick_root(graph, root, keep)
        self._vars_by_uid = {v.uid: v for v in self.variables}
        self._reached = 0
        self._top_finding = _top_findings(self.findings)
        self._home = self._home_parents()
        self._chains: dict[int, _Chain | None] = {}
        self._indeg: list[int] | None = None

    # -- building -----------------------------------------------------------

    @staticmethod
    def _filtered_children(graph: Graph | None, keep: frozenset[int] | None) -> list[list[int]]:
        if graph is None:
            return []
        size = len(graph.nodes)
        kids = graph.children
        if len(kids) < size:
            kids = kids + [[] for _ in range(size - len(kids))]
        if keep is None:
            return kids  # the worker's walk only emits valid ids; copying 100k lists costs 20 ms
        return [[c for c in ks if c in keep] if i in keep else [] for i, ks in enumerate(kids[:size])]

    def _pick_root(self, graph: Graph | None, root: int | None, keep: frozenset[int] | None) -> int | None:
        chosen = graph.root if root is None and graph is not None else root
        if chosen is None or not 0 <= chosen < len(self._nodes):
            return None
        return None if keep is not None and chosen not in keep else chosen

    def _home_parents(self) -> list[int]:
        """Each node's parent on a breadth-first walk from the root; -1 when unreached."""
        home = [-1] * len(self._nodes)
        if self.root is None:
            return home
        home[self.root] = self.root
        order = [self.root]
        kids = self._kids
        for parent in order:  # grows while iterating: a breadth-first walk without recursion
            for child in kids[parent]:
                if home[child] < 0:
                    home[child] = parent
                    order.append(child)
        self._reached = len(order)
        return home

    # -- public API ---------------------------------------------------------

    @property
    def node_count(self) -> int:
        """How many nodes this view can reach from its root."""
        return self._reached

    def roots(self) -> list[Row]:
        """The top rows: the loss (or why there is none) and the unreached variables."""
        rows: list[Row] = []
        if self.root is not None:
            rows.append(self._node_row(self.root))
        elif self.keep is None:
            rows.append(Row("message", "No gradient graph: no loss was differentiated.", tone="none"))
        if self.graph is not None and self.graph.truncated and self.keep is None:
            text = f"The graph has more than {len(self._nodes):,} nodes; the walk stopped there."
            rows.append(Row("message", text, tone="chain"))
        unreached = self._unreached()
        if unreached and self.keep is None:
            text = f"Not reached from the loss ({len(unreached)})"
            rows.append(Row("unreached", text, tone="none", expandable=True, count=len(unreached)))
        return rows

    def children(self, row: Row, offset: int = 0) -> list[Row]:
        """One page of the row's children, starting at ``offset``."""
        if row.kind == "node" and row.node is not None:
            return self._node_children(row.node, offset)
        if row.kind == "chain" and row.node is not None:
            return self._chain_children(row, offset)
        if row.kind == "ops" and row.node is not None:
            chain = self._chain_at(row.node)
            members = chain.members if chain else ()
            return self._page(list(members), offset, self._op_row)
        if row.kind == "unreached":
            return self._page(self._unreached(), offset, self._var_row)
        return []

    def path_to(self, node: int) -> GraphView:
        """A view of only the nodes on a path from the root to ``node``."""
        keep = self._ancestors(node) if self.root is not None else set()
        if self.root not in keep:
            keep = set()
        return GraphView(
            self.graph,
            self.variables,
            self.findings,
            root=self.root,
            keep=frozenset(keep),
            page_size=self.page_size,
            min_chain=self.min_chain,
        )

    def rerooted(self, node: int) -> GraphView:
        """The same graph seen from ``node`` down (for faces that cap their depth)."""
        return GraphView(
            self.graph,
            self.variables,
            self.findings,
            root=node,
            keep=self.keep,
            page_size=self.page_size,
            min_chain=self.min_chain,
        )

    def node_of_variable(self, name: str) -> int | None:
        """The graph node of the variable called ``name``, if it is in the graph."""
        for var in self.variables:
            if var.name == name and var.node is not None:
                return var.node
        for node in self._nodes:
            if node.kind == "leaf" and node.label == name:
                return node.id
        return None

    def home_parent(self, node: int) -> int | None:
        """The node under which ``node`` is expanded (None for the root or unreached)."""
        parent = self._home[node] if 0 <= node < len(self._home) else -1
        return None if parent < 0 or node == self.root else parent

    # -- rows ---------------------------------------------------------------

    def _node_children(self, parent: int, offset: int) -> list[Row]:
        """A page of a node's inputs; an input listed twice (``x * x``) is opened only the first time."""
        kids = self._kids[parent]
        page = kids[offset:offset + self.page_size]
        first: dict[int, int] = {}
        if len(set(kids)) != len(kids):
            for index, child in enumerate(kids):
                first.setdefault(child, index)
        rows = [
            self._ref_row(child) if first.get(child, index) != index else self._child_row(parent, child)
            for index, child in enumerate(page, start=offset)
        ]
        remaining = len(kids) - offset - len(page)
        if remaining > 0:
            rows.append(Row("more", f"... {remaining:,} more", offset=offset + len(page), count=remaining))
        return rows

    def _page(self, items: Sequence[int] | list[VariableInfo], offset: int, make: object) -> list[Row]:
        end = offset + self.page_size
        rows = [make(item) for item in items[offset:end]]  # type: ignore[operator]
        remaining = len(items) - end
        if remaining > 0:
            rows.append(Row("more", f"... {remaining:,} more", offset=end, count=remaining))
        return rows

    def _child_row(self, parent: int | None, child: int) -> Row:
        if self._home[child] != parent or child == self.root:
            return self._ref_row(child)
        chain = self._chain_at(child)
        if chain is not None:
            return self._chain_row(chain)
        return self._node_row(child)

    def _node_row(self, node_id: int) -> Row:
        node = self._nodes[node_id]
        expandable = bool(self._kids[node_id])
        if node.kind == "leaf":
            return self._leaf_row(node, expandable)
        if node.kind == "cut":
            return self._cut_row(node, expandable)
        name = node.label or ("loss" if node.kind == "root" else "")
        text = f"{name}  {node.op}" if name else node.op
        return Row("node", text + _at(node.line), node=node_id, line=node.line, expandable=expandable)

    def _leaf_row(self, node: GraphNode, expandable: bool) -> Row:
        var = self._vars_by_uid.get(node.var) if node.var is not None else None
        name = node.label or (var.name if var else node.op)
        if var is None:
            return Row("node", f"{name}  leaf" + _at(node.line), node=node.id, line=node.line, expandable=expandable)
        text, line = self._with_cause(var, f"{name}  grad {describe_grad(var.grad)}")
        line = line if line is not None else node.line
        return Row(
            "node", text, node=node.id, line=line, tone=grad_tone(var.grad), expandable=expandable, var=var.name
        )

    def _with_cause(self, var: VariableInfo, text: str) -> tuple[str, int | None]:
        """The row text with the diagnosed cause appended, and the line to jump to (the cause's)."""
        finding = self._top_finding.get(var.name)
        if finding is None or finding.cause == causes.NONE:
            return text, var.line
        text += f"  [{_cause_title(finding.cause)}" + (f", line {finding.line}]" if finding.line else "]")
        return text, finding.line or var.line

    def _cut_row(self, node: GraphNode, expandable: bool) -> Row:
        text = f"cut: {node.note or node.op}" + _at(node.line)
        cause = self._cause_at_line(node.line)
        if cause:
            text += f"  [{cause}]"
        return Row("node", text, node=node.id, line=node.line, tone="cut", expandable=expandable)

    def _ref_row(self, node_id: int) -> Row:
        node = self._nodes[node_id]
        name = node.label or node.op
        return Row("ref", f"-> {name} (shown above)" + _at(node.line), node=node_id, line=node.line, tone="ref")

    def _op_row(self, node_id: int) -> Row:
        node = self._nodes[node_id]
        return Row("op", node.op + _at(node.line), node=node_id, line=node.line)

    def _var_row(self, var: VariableInfo) -> Row:
        text, line = self._with_cause(var, f"{var.name}  grad {describe_grad(var.grad)}")
        return Row("var", text, line=line, tone=grad_tone(var.grad), var=var.name, node=var.node)

    # -- chains -------------------------------------------------------------

    def _chain_at(self, start: int) -> _Chain | None:
        """The run of single-input ops starting at ``start``, if long enough to fold."""
        if start in self._chains:
            return self._chains[start]
        members: list[int] = []
        node = start
        # The length guard only matters for a malformed (cyclic) graph.
        while len(members) <= len(self._nodes) and self._foldable(node, first=not members):
            members.append(node)
            node = self._inputs(node)[0]
        chain = _Chain(tuple(members), node) if len(members) >= self.min_chain else None
        self._chains[start] = chain
        return chain

    def _inputs(self, node: int) -> list[int]:
        """The node's inputs that matter for folding: all but plain constants."""
        return [c for c in self._kids[node] if not self._plain_cut(c)]

    def _plain_cut(self, node: int) -> bool:
        """A cut that says only "this input needs no gradient" (a constant): no variable, no line.

        Every ``y * 2.0`` has one; letting them count would stop every chain from folding.
        """
        n = self._nodes[node]
        return n.kind == "cut" and n.var is None and n.line is None and not self._kids[node]

    def _foldable(self, node: int, first: bool) -> bool:
        n = self._nodes[node]
        if n.kind != "op" or node == self.root or len(self._inputs(node)) != 1:
            return False
        # Inside a chain nothing else may point in, or a reference would land mid-fold.
        return first or self._indegree()[node] == 1

    def _indegree(self) -> list[int]:
        if self._indeg is None:
            counts = [0] * len(self._nodes)
            for ks in self._kids:
                for child in ks:
                    counts[child] += 1
            self._indeg = counts
        return self._indeg

    def _chain_row(self, chain: _Chain) -> Row:
        ops = Counter(self._nodes[m].op for m in chain.members)
        common = ", ".join(f"{op} x{n}" for op, n in ops.most_common(2))
        lines = [self._nodes[m].line for m in chain.members if self._nodes[m].line is not None]
        where = ""
        if lines:
            lo, hi = min(lines), max(lines)  # type: ignore[type-var]
            where = f", line {lo}" if lo == hi else f", lines {lo}-{hi}"
        constants = sum(len(self._kids[m]) - 1 for m in chain.members)
        extra = f", {constants:,} constant inputs" if constants else ""
        text = f"chain of {len(chain.members):,} ops ({common}{where}{extra})"
        return Row(
            "chain", text, node=chain.members[0], line=lines[0] if lines else None, tone="chain",
            expandable=True, count=len(chain.members),
        )

    def _chain_children(self, row: Row, offset: int) -> list[Row]:
        chain = self._chain_at(row.node) if row.node is not None else None
        if chain is None or offset:
            return []
        after = self._child_row(chain.members[-1], chain.after)
        ops = Row("ops", f"the {len(chain.members):,} folded ops", node=chain.members[0], expandable=True,
                  count=len(chain.members))
        return [after, ops]

    # -- paths and findings ---------------------------------------------------

    def _ancestors(self, target: int) -> set[int]:
        """Every node from which ``target`` can be reached (itself included)."""
        if not 0 <= target < len(self._nodes):
            return set()
        parents: list[list[int]] = [[] for _ in self._nodes]
        for parent, ks in enumerate(self._kids):
            for child in ks:
                parents[child].append(parent)
        found = {target}
        stack = [target]
        while stack:
            for parent in parents[stack.pop()]:
                if parent not in found:
                    found.add(parent)
                    stack.append(parent)
        return found

    def _unreached(self) -> list[VariableInfo]:
        home = self._home
        out = []
        for var in self.variables:
            if var.reachable is False or (var.node is None and var.grad.kind == "none"):
                out.append(var)
            elif var.node is not None and 0 <= var.node < len(home) and home[var.node] < 0 and var.grad.kind == "none":
                out.append(var)
        return out

    def _cause_at_line(self, line: int | None) -> str:
        if line is None:
            return ""
        for finding in self.findings:
            if finding.line == line and finding.cause != causes.NONE:
                return _cause_title(finding.cause)
        return ""


def flatten(view: GraphView, depth: int = 50, limit: int = 500) -> list[tuple[int, Row]]:
    """An iterative pre-order listing of ``view`` with every row opened, for text faces.

    Stops after ``limit`` rows; rows deeper than ``depth`` are listed but not opened.
    """
    out: list[tuple[int, Row]] = []
    stack: list[tuple[int, Row]] = [(0, r) for r in reversed(view.roots())]
    while stack and len(out) < limit:
        level, row = stack.pop()
        out.append((level, row))
        if row.expandable and level < depth and row.kind != "ops":
            stack.extend((level + 1, r) for r in reversed(view.children(row)))
    return out


def _top_findings(findings: Iterable[Finding]) -> dict[str, Finding]:
    top: dict[str, Finding] = {}
    for finding in findings:
        best = top.get(finding.target)
        if best is None or finding.confidence > best.confidence:
            top[finding.target] = finding
    return top


def _cause_title(cause_id: str) -> str:
    return causes.get(cause_id).title if causes.is_known(cause_id) else cause_id


def _at(line: int | None) -> str:
    return f"  line {line}" if line is not None else ""
