"""Tests the lazy gradient tree widget on graphs far bigger and deeper than Textual's Tree can nest."""

from __future__ import annotations

from textual.app import App, ComposeResult

from gradrepl.app.widgets.gradient_tree import GradientTree
from gradrepl.core.graph_view import GraphView
from gradrepl.core.report import GradState, Graph, GraphNode, VariableInfo


class TreeApp(App[None]):
    def __init__(self, max_depth: int = 60) -> None:
        super().__init__()
        self.max_depth = max_depth
        self.lines: list[int] = []
        self.paths: list[str] = []

    def compose(self) -> ComposeResult:
        yield GradientTree(id="tree", max_depth=self.max_depth)

    def on_gradient_tree_line_selected(self, message: GradientTree.LineSelected) -> None:
        self.lines.append(message.line)

    def on_gradient_tree_path_requested(self, message: GradientTree.PathRequested) -> None:
        self.paths.append(message.name)


def chain(n: int) -> Graph:
    """loss <- n single-input ops <- w."""
    nodes = [GraphNode(id=i, op="MulBackward0", line=3) for i in range(n + 2)]
    nodes[0].kind, nodes[0].label = "root", "loss"
    nodes[-1].kind, nodes[-1].label, nodes[-1].var, nodes[-1].op = "leaf", "w", 1, "AccumulateGrad"
    return Graph(root=0, nodes=nodes, children=[[i + 1] for i in range(n + 1)] + [[]])


def ladder(depth: int) -> Graph:
    """Each op has two inputs (the next op and a leaf), so nothing folds: a truly deep tree."""
    nodes, children = [], []
    for i in range(depth):
        nodes.append(GraphNode(id=2 * i, op="AddBackward0", kind="root" if i == 0 else "op"))
        nodes.append(GraphNode(id=2 * i + 1, op="AccumulateGrad", kind="leaf", label=f"b{i}"))
        children.append([2 * i + 2, 2 * i + 1] if i < depth - 1 else [2 * i + 1])
        children.append([])
    return Graph(root=0, nodes=nodes, children=children)


def wide(n: int) -> Graph:
    nodes = [GraphNode(id=0, op="SumBackward0", kind="root")]
    nodes += [GraphNode(id=i, op="AccumulateGrad", kind="leaf", label=f"p{i}") for i in range(1, n + 1)]
    return Graph(root=0, nodes=nodes, children=[list(range(1, n + 1))] + [[] for _ in range(n)])


def w_var() -> VariableInfo:
    return VariableInfo("w", 1, "float32", [], True, True, GradState("none"), node=None, line=2)


def _count(tree: GradientTree) -> int:
    stack, count = [tree.root], 0
    while stack:
        node = stack.pop()
        count += 1
        stack.extend(node.children)
    return count


async def test_a_100k_op_chain_shows_as_a_few_rows() -> None:
    app = TreeApp()
    async with app.run_test() as pilot:
        tree = app.query_one(GradientTree)
        tree.view = GraphView(chain(100_000), [w_var()])
        await pilot.pause()
        assert _count(tree) < 10
        loss = tree.root.children[0]
        assert loss.is_expanded and str(loss.label).startswith("loss")
        (folded,) = loss.children
        assert "chain of 100,000 ops" in str(folded.label)
        folded.expand()
        await pilot.pause()
        assert [str(c.label).split()[0] for c in folded.children] == ["w", "the"]


async def test_wide_children_load_a_page_at_a_time() -> None:
    app = TreeApp()
    async with app.run_test() as pilot:
        tree = app.query_one(GradientTree)
        tree.view = GraphView(wide(10_000), page_size=50)
        await pilot.pause()
        root = tree.root.children[0]
        assert len(root.children) == 51 and str(root.children[-1].label) == "... 9,950 more"
        tree.move_cursor(root.children[-1])
        await pilot.press("enter")
        assert len(root.children) == 101 and str(root.children[-1].label) == "... 9,900 more"


async def test_a_deep_tree_offers_to_continue_instead_of_nesting() -> None:
    app = TreeApp(max_depth=8)
    async with app.run_test() as pilot:
        tree = app.query_one(GradientTree)
        tree.view = GraphView(ladder(300))
        await pilot.pause()
        node = tree.root.children[0]
        for _ in range(12):
            if not node.children or node.children[0].data is None or node.children[0].data.kind != "node":
                break
            node = node.children[0]
            node.expand()
            await pilot.pause()
        (marker,) = node.children
        assert marker.data is not None and marker.data.kind == "message" and "press r" in str(marker.label)
        tree.move_cursor(marker)
        await pilot.press("enter")
        assert tree.depth_stack == 1
        assert str(tree.root.children[0].label).startswith("AddBackward0")
        await pilot.press("u")
        assert tree.depth_stack == 0


async def test_selecting_a_row_reports_its_line_and_p_asks_for_the_path() -> None:
    app = TreeApp()
    async with app.run_test() as pilot:
        tree = app.query_one(GradientTree)
        tree.view = GraphView(chain(2), min_chain=10)
        await pilot.pause()
        tree.focus()
        tree.move_cursor(tree.root.children[0])
        await pilot.press("enter")
        assert app.lines == [3]
        await pilot.press("p")
        assert app.paths == ["loss"]


async def test_stale_marks_the_tree_without_changing_it() -> None:
    app = TreeApp()
    async with app.run_test() as pilot:
        tree = app.query_one(GradientTree)
        tree.view = GraphView(chain(2))
        await pilot.pause()
        rows = _count(tree)
        tree.stale = True
        await pilot.pause()
        assert tree.has_class("-stale") and _count(tree) == rows
