"""Tests for the REPL's text renderers: the gradient tree and the variables table."""

from __future__ import annotations

from gradrepl.core.graph_view import GraphView
from gradrepl.core.report import Finding, GradState, Graph, GraphNode, VariableInfo
from gradrepl.render.tree_text import render_tree
from gradrepl.render.variables_table import render_variables


def _var(name: str, uid: int, kind: str, node: int | None = None) -> VariableInfo:
    grad = GradState(kind=kind, shape=[2], norm=1.5, sample=[1.0, 1.1]) if kind != "none" else GradState(kind="none")  # type: ignore[arg-type]
    return VariableInfo(name=name, uid=uid, dtype="torch.float32", shape=[2], requires_grad=kind != "none",
                        is_leaf=True, grad=grad, node=node, reachable=node is not None)


def _diamond() -> tuple[Graph, list[VariableInfo]]:
    # loss = sum(m + tanh(m)) with m = w * 2: node 2 (m) is reached twice
    nodes = [
        GraphNode(0, "SumBackward0", "root", 5, "loss"),
        GraphNode(1, "AddBackward0", "op", 4),
        GraphNode(2, "MulBackward0", "op", 3),
        GraphNode(3, "TanhBackward0", "op", 4),
        GraphNode(4, "AccumulateGrad", "leaf", 1, "w", var=10),
    ]
    graph = Graph(root=0, nodes=nodes, children=[[1], [2, 3], [4], [2], []])
    return graph, [_var("w", 10, "finite", node=4), _var("b", 11, "none")]


def test_tree_draws_nesting_references_and_unreached_variables() -> None:
    graph, variables = _diamond()
    findings = [Finding("b", "grad_none", "no_requires_grad", line=2, confidence=0.9)]
    text = render_tree(GraphView(graph, variables, findings))
    assert text.splitlines() == [
        "loss  SumBackward0  line 5",
        "└─ AddBackward0  line 4",
        "   ├─ MulBackward0  line 3",
        "   │  └─ w  grad norm 1.5 (2)",
        "   └─ TanhBackward0  line 4",
        "      └─ -> MulBackward0 (shown above)  line 3",
        "Not reached from the loss (1)",
        "└─ b  grad None  [The tensor never asked for a gradient, line 2]",
    ]


def test_tree_stops_at_its_row_limit_and_says_so() -> None:
    size = 30
    nodes = [GraphNode(0, "SumBackward0", "root")] + [GraphNode(i, "AccumulateGrad", "leaf", label=f"p{i}") for i in range(1, size)]
    graph = Graph(root=0, nodes=nodes, children=[list(range(1, size))] + [[] for _ in range(1, size)])
    text = render_tree(GraphView(graph), max_rows=10)
    assert len(text.splitlines()) == 11
    assert text.splitlines()[-1].startswith("... stopped after 10 rows")


def test_variables_table_aligns_columns_and_names_the_cause() -> None:
    _, variables = _diamond()
    findings = [Finding("b", "grad_none", "no_requires_grad", line=2, confidence=0.9)]
    rows = render_variables(variables, findings).splitlines()
    assert rows[0].split() == ["name", "kind", "shape", "dtype", "requires_grad", "leaf", "grad", "diagnosis"]
    assert rows[1].split()[:6] == ["w", "tensor", "(2,)", "float32", "yes", "yes"]
    assert rows[2].split()[6] == "None"
    assert rows[2].endswith("  The tensor never asked for a gradient (line 2)")
    assert rows[2].index("The tensor") == rows[0].index("diagnosis")
    grad_column = rows[0].index("  grad  ") + 2
    assert rows[1][grad_column:].startswith("norm 1.5")


def test_variables_table_in_colour_keeps_alignment() -> None:
    _, variables = _diamond()
    plain = render_variables(variables, []).splitlines()
    coloured = render_variables(variables, [], color=True).splitlines()
    strip = __import__("re").compile(r"\x1b\[[0-9;]*m").sub
    assert [strip("", line) for line in coloured] == plain
