"""Tests the pure gradient-tree model: references, chain folding, paging, paths."""

from __future__ import annotations

import sys

from gradrepl.core import causes
from gradrepl.core.graph_view import GraphView, Row, flatten
from gradrepl.core.report import Finding, GradState, Graph, GraphNode, VariableInfo


def _graph(ops: list[str], edges: dict[int, list[int]], kinds: dict[int, str] | None = None,
           labels: dict[int, str] | None = None, lines: dict[int, int] | None = None) -> Graph:
    kinds = kinds or {}
    labels = labels or {}
    lines = lines or {}
    nodes = [
        GraphNode(id=i, op=op, kind=kinds.get(i, "op"), label=labels.get(i), line=lines.get(i),
                  var=i if kinds.get(i) == "leaf" else None)
        for i, op in enumerate(ops)
    ]
    return Graph(root=0, nodes=nodes, children=[edges.get(i, []) for i in range(len(ops))])


def _var(name: str, uid: int, kind: str = "finite", node: int | None = None, **kw: object) -> VariableInfo:
    grad = GradState(kind=kind, shape=[], sample=[2.0] if kind == "finite" else [])  # type: ignore[arg-type]
    return VariableInfo(name=name, uid=uid, dtype="float32", shape=[], requires_grad=True, is_leaf=True,
                        grad=grad, node=node, **kw)  # type: ignore[arg-type]


def _chain_graph(depth: int) -> Graph:
    """loss <- op1 <- op2 <- ... <- op_depth <- w (a leaf)."""
    ops = ["MeanBackward0"] + [("MulBackward0" if i % 2 else "AddBackward0") for i in range(depth)] + ["AccumulateGrad"]
    edges = {i: [i + 1] for i in range(depth + 1)}
    leaf = depth + 1
    return _graph(ops, edges, kinds={0: "root", leaf: "leaf"}, labels={leaf: "w"})


def test_a_deep_chain_folds_into_one_row_and_reaches_the_leaf() -> None:
    graph = _chain_graph(5000)
    view = GraphView(graph, [_var("w", 5001, node=5001)])
    (root,) = view.roots()
    (chain,) = view.children(root)
    assert chain.kind == "chain" and chain.count == 5000
    assert "chain of 5,000 ops" in chain.text
    after, ops = view.children(chain)
    assert after.var == "w" and after.tone == "ok" and "grad 2" in after.text
    assert ops.kind == "ops"
    first_page = view.children(ops)
    assert len(first_page) == view.page_size + 1 and first_page[-1].kind == "more"
    assert first_page[-1].count == 5000 - view.page_size


def test_a_deep_chain_never_needs_recursion() -> None:
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        rows = flatten(GraphView(_chain_graph(20_000)), depth=10)
    finally:
        sys.setrecursionlimit(limit)
    assert [r.kind for _, r in rows] == ["node", "chain", "node", "ops"]


def test_short_runs_are_not_folded() -> None:
    view = GraphView(_chain_graph(2))
    kinds = [r.kind for _, r in flatten(view)]
    assert "chain" not in kinds and kinds.count("node") == 4


def test_a_node_reached_twice_is_expanded_once_and_referenced_elsewhere() -> None:
    # loss = a + b; a = h * 2; b = h + 1; h = w * 3  (h is reached twice)
    ops = ["AddBackward0", "MulBackward0", "AddBackward0", "MulBackward0", "AccumulateGrad"]
    graph = _graph(ops, {0: [1, 2], 1: [3], 2: [3], 3: [4]}, kinds={0: "root", 4: "leaf"}, labels={4: "w"})
    view = GraphView(graph, [_var("w", 4, node=4)])
    rows = flatten(view)
    h_rows = [r for _, r in rows if r.node == 3]
    assert sorted(r.kind for r in h_rows) == ["node", "ref"]
    assert [r.var for _, r in rows].count("w") == 1


def test_a_diamond_stack_stays_linear_in_rows() -> None:
    # 200 residual blocks: without references the tree would have 2**200 rows.
    ops, edges = ["root"], {}
    for b in range(200):
        base = 1 + 2 * b
        ops += ["AddBackward0", "ReluBackward0"]
        edges[base] = [base + 1, base + 2] if b < 199 else [base + 1]
        edges[base + 1] = [base + 2] if b < 199 else []
    edges[0] = [1]
    view = GraphView(_graph(ops, edges, kinds={0: "root"}))
    rows = flatten(view, depth=10_000, limit=100_000)
    assert len(rows) < 3 * len(ops)


def test_wide_children_are_paged() -> None:
    n = 1000
    ops = ["SumBackward0"] + ["AccumulateGrad"] * n
    graph = _graph(ops, {0: list(range(1, n + 1))}, kinds={0: "root", **{i: "leaf" for i in range(1, n + 1)}})
    view = GraphView(graph, page_size=100)
    (root,) = view.roots()
    page = view.children(root)
    assert len(page) == 101 and page[-1].kind == "more" and page[-1].text == "... 900 more"
    last = view.children(root, offset=900)
    assert len(last) == 100 and last[-1].kind != "more"


def test_path_to_keeps_only_what_leads_to_the_variable() -> None:
    # loss = f(a) + g(b); a and b are leaves; path to a excludes b's branch.
    ops = ["AddBackward0", "ExpBackward0", "SinBackward0", "AccumulateGrad", "AccumulateGrad"]
    graph = _graph(ops, {0: [1, 2], 1: [3], 2: [4]}, kinds={0: "root", 3: "leaf", 4: "leaf"},
                   labels={3: "a", 4: "b"})
    view = GraphView(graph, [_var("a", 3, node=3), _var("b", 4, node=4)])
    node = view.node_of_variable("a")
    assert node == 3
    path = view.path_to(node)
    names = [r.var for _, r in flatten(path) if r.var]
    assert names == ["a"]
    assert path.node_count == 3


def test_unreached_variables_are_listed_with_cause_and_line() -> None:
    graph = _graph(["MulBackward0", "AccumulateGrad"], {0: [1]}, kinds={0: "root", 1: "leaf"}, labels={1: "b"})
    x = _var("x", 7, kind="none", reachable=False, line=3)
    finding = Finding(target="x", symptom="grad_none", cause="detach", line=6, confidence=0.9)
    view = GraphView(graph, [_var("b", 1, node=1), x], [finding])
    top = view.roots()
    assert [r.kind for r in top] == ["node", "unreached"]
    (row,) = view.children(top[1])
    assert row.var == "x" and row.tone == "none" and row.line == 6
    assert "grad None" in row.text and causes.get("detach").title in row.text and "line 6" in row.text


def test_cut_nodes_name_the_cause_found_on_their_line() -> None:
    graph = _graph(["MulBackward0", "cut"], {0: [1]}, kinds={0: "root", 1: "cut"}, lines={1: 6})
    graph.nodes[1].note = "input came from detach()"
    finding = Finding(target="x", symptom="grad_none", cause="detach", line=6)
    (root,) = GraphView(graph, findings=[finding]).roots()
    (cut,) = GraphView(graph, findings=[finding]).children(root)
    assert cut.tone == "cut" and cut.line == 6
    assert "detach()" in cut.text and f"[{causes.get('detach').title}]" in cut.text


def test_no_graph_says_so() -> None:
    (row,) = GraphView(None).roots()
    assert row.kind == "message" and "no loss" in row.text


def test_rerooted_starts_at_the_node() -> None:
    view = GraphView(_chain_graph(10), min_chain=100)
    sub = view.rerooted(8)
    (root,) = sub.roots()
    assert root.node == 8 and sub.node_count == 4


def test_rows_have_distinct_keys_among_siblings() -> None:
    n = 10
    graph = _graph(["SumBackward0"] + ["AccumulateGrad"] * n, {0: list(range(1, n + 1))})
    view = GraphView(graph)
    keys = {r.key for r in view.children(view.roots()[0])}
    assert len(keys) == n
    assert isinstance(view.roots()[0], Row)


def test_an_input_used_twice_by_one_op_is_shown_once() -> None:
    # loss = (x * x).sum(): MulBackward0 lists the same leaf twice.
    graph = _graph(["SumBackward0", "MulBackward0", "AccumulateGrad"], {0: [1], 1: [2, 2]},
                   kinds={0: "root", 2: "leaf"}, labels={2: "x"})
    view = GraphView(graph, [_var("x", 2, node=2)])
    (loss,) = view.roots()
    (mul,) = view.children(loss)
    first, second = view.children(mul)
    assert (first.kind, first.var) == ("node", "x")
    assert second.kind == "ref" and second.node == 2


def test_constant_inputs_do_not_stop_a_chain_from_folding() -> None:
    # y = y * 1.01 + 0.0, 300 times: each op also has a plain "(no grad)" input.
    ops, edges, kinds = ["SumBackward0"], {}, {0: "root"}
    for i in range(300):
        op, cut = len(ops), len(ops) + 1
        ops += ["MulBackward0", "(no grad)"]
        kinds[cut] = "cut"
        edges[op] = [op + 2, cut]
    leaf = len(ops)
    ops.append("AccumulateGrad")
    kinds[leaf] = "leaf"
    edges[0] = [1]
    edges[leaf - 2] = [leaf, leaf - 1]
    graph = _graph(ops, edges, kinds=kinds, labels={leaf: "w"})
    graph.truncated = True
    view = GraphView(graph, [_var("w", leaf, node=leaf)])
    loss, truncated = view.roots()
    assert truncated.kind == "message" and "walk stopped" in truncated.text
    (chain,) = view.children(loss)
    assert chain.kind == "chain" and chain.count == 300 and "300 constant inputs" in chain.text
    after, _ = view.children(chain)
    assert after.var == "w"


def test_a_cut_with_a_line_still_stops_a_chain() -> None:
    ops = ["SumBackward0", "MulBackward0", "MulBackward0", "MulBackward0", "cut", "AccumulateGrad"]
    graph = _graph(ops, {0: [1], 1: [2], 2: [3, 4], 3: [5]}, kinds={0: "root", 4: "cut", 5: "leaf"}, lines={4: 7})
    kinds = [r.kind for _, r in flatten(GraphView(graph, min_chain=2))]
    assert "chain" not in kinds
    assert "chain" in [r.kind for _, r in flatten(GraphView(_chain_graph(3), min_chain=2))]


def test_a_leaf_in_the_graph_shows_its_diagnosed_cause() -> None:
    graph = _graph(["MulBackward0", "AccumulateGrad"], {0: [1]}, kinds={0: "root", 1: "leaf"}, labels={1: "w"})
    w = _var("w", 1, kind="none", node=1, line=2)
    finding = Finding(target="w", symptom="grad_none", cause="grads_cleared", line=9, confidence=0.9)
    (root,) = GraphView(graph, [w], [finding]).roots()
    (leaf,) = GraphView(graph, [w], [finding]).children(root)
    assert leaf.text == f"w  grad None  [{causes.get('grads_cleared').title}, line 9]"
    assert leaf.line == 9 and leaf.tone == "none"
