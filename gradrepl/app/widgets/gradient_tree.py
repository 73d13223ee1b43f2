"""Provides GradientTree: the lazy Textual tree over a GraphView.

Children are created only when a row is opened, so a 100,000-node graph costs
one screen of rows. Textual's Tree builds its lines recursively and fails
somewhere past 1,000 open levels; chain folding keeps real graphs shallow, and
below ``max_depth`` open levels the tree offers to continue from that node
(a re-rooted view) instead of nesting deeper.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from gradrepl.core.graph_view import GraphView, Row

TONES = ("none", "zero", "nan", "ok", "cut", "ref", "chain", "stale")


class GradientTree(Tree[Row]):
    """The gradient graph from the loss down to every leaf, opened on demand."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"gradient-tree--{tone}" for tone in TONES}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "path", "Path to variable"),
        Binding("r", "reroot", "Continue from here", show=False),
        Binding("u", "up", "Back up", show=False),
    ]

    view: reactive[GraphView | None] = reactive(None, always_update=True, init=False)
    """The model shown; set by the screen after each run."""
    stale: reactive[bool] = reactive(False)
    """True while the editor holds code newer than the graph shown (a syntax error, a run pending)."""

    @dataclass
    class LineSelected(Message):
        """The user picked a row that maps to a source line."""

        line: int

    @dataclass
    class PathRequested(Message):
        """The user asked for the path from the loss to this variable (or node)."""

        node: int
        name: str

    def __init__(self, *, max_depth: int = 60, auto_rows: int = 30, id: str | None = None) -> None:
        super().__init__("gradients", id=id)
        self.auto_rows = auto_rows
        self.show_root = False
        self.guide_depth = 2
        self.max_depth = max_depth
        self._base: GraphView | None = None
        self._stack: list[GraphView] = []

    # -- attributes down -------------------------------------------------------

    def watch_view(self, view: GraphView | None) -> None:
        self._base = view
        self._stack = []
        self._show(view)

    def watch_stale(self, stale: bool) -> None:
        self.set_class(stale, "-stale")
        self._line_cache.clear()  # rendered rows carry the tone; repaint them all
        self.refresh()

    def show_path(self, view: GraphView, title: str) -> None:
        """Show a narrowed view (the path to one variable) until ``action_up``."""
        self._push(view, title)

    # -- building rows -------------------------------------------------------

    def _show(self, view: GraphView | None, title: str = "gradients") -> None:
        self.clear()
        self.root.set_label(title)
        if view is not None:
            for row in view.roots():
                self._add(self.root, row)
            self._open_first_rows()
        self.root.expand()

    def _open_first_rows(self) -> None:
        """Open rows breadth-first until about a screenful is shown, so small graphs show their leaves."""
        queue = deque(self.root.children)
        shown = len(queue)
        while queue and shown < self.auto_rows:
            node = queue.popleft()
            row = node.data
            if row is None or not row.expandable or row.kind not in ("node", "unreached", "chain") or _depth(node) > 8:
                continue
            self._populate(node)
            node.expand()
            shown += len(node.children)
            queue.extend(node.children)

    def _add(self, parent: TreeNode[Row], row: Row) -> TreeNode[Row]:
        node = parent.add(Text(row.text), data=row, allow_expand=row.expandable)
        return node

    def _current(self) -> GraphView | None:
        return self._stack[-1] if self._stack else self._base

    def _populate(self, node: TreeNode[Row]) -> None:
        view, row = self._current(), node.data
        if view is None or row is None or node.children:
            return
        if _depth(node) >= self.max_depth and row.node is not None and row.kind == "node":
            text = f"... {self.max_depth} levels deep: press r to continue from {row.text.split()[0]}"
            node.add_leaf(Text(text), data=Row("message", text, node=row.node, tone="chain"))
            return
        for child in view.children(row):
            self._add(node, child)

    def _more(self, node: TreeNode[Row]) -> None:
        """Replace a ``... N more`` row with the next page of its parent's children."""
        view, row, parent = self._current(), node.data, node.parent
        if view is None or row is None or parent is None or parent.data is None:
            return
        node.remove()
        for child in view.children(parent.data, offset=row.offset):
            self._add(parent, child)

    def _push(self, view: GraphView, title: str) -> None:
        self._stack.append(view)
        self._show(view, title)

    # -- events and actions ----------------------------------------------------

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Row]) -> None:
        event.stop()
        self._populate(event.node)

    def on_tree_node_selected(self, event: Tree.NodeSelected[Row]) -> None:
        event.stop()
        row = event.node.data
        if row is None:
            return
        if row.kind == "more":
            self._more(event.node)
        elif row.kind == "message" and row.node is not None:
            self.action_reroot()
        elif row.kind == "ref" and row.node is not None:
            self._select_home(row.node)
        if row.line is not None:
            self.post_message(self.LineSelected(row.line))

    def action_path(self) -> None:
        """Ask for the path from the loss to the variable under the cursor."""
        row = self.cursor_node.data if self.cursor_node else None
        if row is not None and row.node is not None:
            self.post_message(self.PathRequested(row.node, row.var or row.text.split()[0]))

    def action_reroot(self) -> None:
        """Continue the tree from the node under the cursor (for very deep graphs)."""
        view = self._current()
        row = self.cursor_node.data if self.cursor_node else None
        if view is not None and row is not None and row.node is not None:
            self._push(view.rerooted(row.node), f"from {row.text.split()[0]}")

    def action_up(self) -> None:
        """Leave a re-rooted or path view for the one before it."""
        if self._stack:
            self._stack.pop()
            self._show(self._current())

    def _select_home(self, node_id: int) -> None:
        for node in self.open_nodes():
            if node.data is not None and node.data.kind in ("node", "chain") and node.data.node == node_id:
                self.move_cursor(node)
                return

    def open_nodes(self) -> list[TreeNode[Row]]:
        """Every node shown (the root and the children of open nodes), top to bottom."""
        out: list[TreeNode[Row]] = []
        stack = [self.root]
        while stack:
            node = stack.pop()
            out.append(node)
            if node.is_expanded:
                stack.extend(reversed(node.children))
        return out

    # -- rendering -------------------------------------------------------------

    def render_label(self, node: TreeNode[Row], base_style: Style, style: Style) -> Text:
        text = super().render_label(node, base_style, style)
        row = node.data
        tone = "stale" if self.stale and row is not None and row.tone in ("ok", "none") else (row.tone if row else "")
        if tone in TONES:
            text.stylize(self.get_component_rich_style(f"gradient-tree--{tone}", partial=True))
        return text

    @property
    def depth_stack(self) -> int:
        """How many narrowed or re-rooted views are stacked over the run's view."""
        return len(self._stack)


def _depth(node: TreeNode[Row]) -> int:
    depth = 0
    while node.parent is not None:
        depth += 1
        node = node.parent
    return depth
