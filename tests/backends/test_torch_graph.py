"""The autograd-graph walk against real PyTorch: DAG sharing, depth, limits, cuts, labels."""

from __future__ import annotations

from typing import Any

import pytest

from gradrepl.backends.torch.local import run_local, run_torch, shared_torch
from gradrepl.core import causes
from gradrepl.core.graph_view import GraphView, flatten
from gradrepl.core.report import GraphNode
from gradrepl.core.request import RunRequest
from gradrepl.diagnosis.engine import diagnose

pytestmark = pytest.mark.torch


def test_a_node_reached_twice_is_one_node() -> None:
    report = run_torch(
        "import torch\n"
        "x = torch.ones(2, requires_grad=True)\n"
        "h = torch.tanh(x)\n"
        "loss = (h * h + h).sum()\n"
        "loss.backward()\n"
    )
    graph = report.graph
    assert graph is not None and graph.root is not None
    tanh = [n for n in graph.nodes if n.op == "TanhBackward0"]
    assert len(tanh) == 1
    parents = [i for i, kids in enumerate(graph.children) if tanh[0].id in kids]
    assert len(parents) == 2  # used by the product and by the sum
    leaf = [n for n in graph.nodes if n.kind == "leaf"]
    assert [(n.label, n.line) for n in leaf] == [("x", 2)]
    assert report.variable("x").node == leaf[0].id  # type: ignore[union-attr]


def cuts(report: Any) -> list[GraphNode]:
    return [n for n in report.graph.nodes if n.kind == "cut"]


def parent_op(report: Any, node: GraphNode) -> str:
    return next(report.graph.nodes[i].op for i, kids in enumerate(report.graph.children) if node.id in kids)


def test_plain_data_and_constants_are_not_cut_nodes() -> None:
    report = run_torch(
        "import torch\n"
        "w = torch.ones(2, requires_grad=True)\n"
        "c = torch.ones(2)\n"
        "layer = torch.nn.Linear(2, 2)\n"
        "x = torch.randn(4, 2)\n"
        "m = w > 0\n"
        "h = torch.where(m, w * c * 2.0, 0.0) + torch.where(m, w, torch.zeros_like(w))\n"
        "(layer(x).sum() + h.sum() + (w * w.shape[0]).sum()).backward()\n"
    )
    assert report.graph is not None and report.graph.nodes
    assert cuts(report) == []  # the data, the constants, the mask, zeros_like(w): nothing was cut


def test_a_detached_input_is_a_cut_that_names_its_line_and_variable() -> None:
    report = run_torch(
        "import torch\n"
        "x = torch.ones(2, requires_grad=True)\n"
        "w = torch.ones(2, requires_grad=True)\n"
        "y = x * 2\n"
        "k = y.detach()\n"
        "loss = (w * k).sum()\n"
        "loss.backward()\n"
    )
    (cut,) = cuts(report)
    assert (cut.line, cut.var, cut.op) == (5, report.variable("x").uid, "Tensor.detach")  # type: ignore[union-attr]
    assert cut.note == "input came from y.detach()"
    assert parent_op(report, cut) == "MulBackward0"


@pytest.mark.parametrize(
    ("body", "line", "note"),
    [
        ("with torch.no_grad():\n    k = x * 3\nloss = (w * k).sum()\n", 5, "under torch.no_grad()"),
        ("k = torch.tensor(x.detach().numpy() * 2)\nloss = (w * k).sum()\n", 4,
         "x.detach(), out of torch and back through torch.tensor"),
        ("loss = (w * x.sum().item()).sum()\n", 4, "x.sum().item(), outside torch"),
        ("k = (x * 3).long()\nloss = (w * k).sum()\n", 4, "(x * 3).long(), an integer result with no gradient"),
        ("k = torch.tensor(x)\nloss = (w * k).sum()\n", 4, "torch.tensor(...), a copy with no history"),
        ("g, = torch.autograd.grad((x * x).sum(), x)\nloss = (w * g).sum()\n", 4,
         "a gradient from torch.autograd.grad without create_graph=True"),
        ("k = x.detach()\nk.mul_(w)\nloss = k.sum()\n", 4, "input came from x.detach()"),
    ],
    ids=["no_grad", "numpy_roundtrip", "item", "int_cast", "rewrap", "no_create_graph", "inplace_on_detached"],
)
def test_each_kind_of_cut_names_the_call_that_cut_it(body: str, line: int, note: str) -> None:
    report = run_torch(
        "import torch\n"
        "x = torch.ones(2, requires_grad=True)\n"
        "w = torch.ones(2, requires_grad=True)\n" + body + "loss.backward()\n"
    )
    (cut,) = cuts(report)
    assert cut.line == line and cut.var == report.variable("x").uid  # type: ignore[union-attr]
    assert note in (cut.note or "")


def test_a_cut_inside_a_composite_op_hangs_under_the_users_call() -> None:
    # cross_entropy with probabilities runs as several nodes the recorder never sees one by one
    report = run_torch(
        "import torch\n"
        "import torch.nn.functional as F\n"
        "x = torch.randn(1, 3, requires_grad=True)\n"
        "w = torch.randn(1, 3, requires_grad=True)\n"
        "loss = F.cross_entropy(w, torch.softmax(x, 1).detach())\n"
        "loss.backward()\n"
    )
    (cut,) = cuts(report)
    assert cut.line == 5 and "softmax(x, 1).detach()" in (cut.note or "")
    parent = report.graph.nodes[next(i for i, kids in enumerate(report.graph.children) if cut.id in kids)]
    assert parent.line == 5


def test_a_variable_switched_off_is_a_cut_that_names_it() -> None:
    report = run_torch(
        "import torch\n"
        "w = torch.ones(2, requires_grad=True)\n"
        "b = torch.ones(2, requires_grad=True)\n"
        "b.requires_grad_(False)\n"
        "loss = (w * b).sum()\n"
        "loss.backward()\n",
        targets=["w", "b"],
    )
    (cut,) = cuts(report)
    assert cut.var == report.variable("b").uid and cut.note == "input comes from b, which does not require grad"  # type: ignore[union-attr]
    assert cut.line == 4  # where it was switched off


def test_a_custom_function_input_can_be_a_cut() -> None:
    report = run_torch(
        "import torch\n"
        "class Mul(torch.autograd.Function):\n"
        "    @staticmethod\n"
        "    def forward(ctx, a, b):\n"
        "        return a * b\n"
        "    @staticmethod\n"
        "    def backward(ctx, g):\n"
        "        return g, g\n"
        "x = torch.ones(2, requires_grad=True)\n"
        "w = torch.ones(2, requires_grad=True)\n"
        "Mul.apply(w, x.detach()).sum().backward()\n"
    )
    (cut,) = cuts(report)
    assert cut.line == 11 and parent_op(report, cut) == "MulBackward"


def test_the_tree_shows_the_cut_with_its_diagnosed_cause() -> None:
    report = run_torch(
        "import torch\n"
        "x = torch.ones(2, requires_grad=True)\n"
        "w = torch.ones(2, requires_grad=True)\n"
        "k = (x * 2).detach()\n"
        "loss = (w * k * 3.0).sum()\n"
        "loss.backward()\n",
        targets=["x", "w"],
    )
    findings = diagnose(report)
    rows = [row for _, row in flatten(GraphView(report.graph, report.variables, findings))]
    (cut,) = [r for r in rows if r.tone == "cut"]
    assert cut.line == 4 and "(x * 2).detach()" in cut.text and causes.get("detach").title in cut.text


def test_a_10000_deep_chain_walks_without_recursion() -> None:
    report = run_torch(
        "import torch\n"
        "x = torch.ones(1, requires_grad=True)\n"
        "y = x\n"
        "for _ in range(10000):\n"
        "    y = y * 1.0\n"
        "y.sum().backward()\n"
    )
    graph = report.graph
    assert graph is not None and not graph.truncated
    assert len(graph.nodes) == 10002  # sum, 10000 muls, the leaf
    assert report.variable("x").reachable is True  # type: ignore[union-attr]


TRANSFORMER_LIKE = """\
import torch
torch.set_num_threads(1)
n, d, heads = 2, 64, 64
x = torch.randn(n, d)
def norm(h):
    return (h - h.mean(-1, keepdim=True)) / (h.var(-1, keepdim=True) + 1e-5).sqrt()
params = [torch.randn(d, d, requires_grad=True) for _ in range(6 * BLOCKS)]
h = x
for b in range(BLOCKS):
    wq, wk, wv, wo, w1, w2 = params[6 * b:6 * b + 6]
    q, k, v = h @ wq, h @ wk, h @ wv
    outs = [torch.softmax(q[:, i:i + 1] @ k[:, i:i + 1].T / 8.0, dim=-1) @ v[:, i:i + 1] for i in range(heads)]
    h = norm(h + torch.cat(outs, dim=-1) @ wo)
    h = norm(h + torch.relu(h @ w1) @ w2)
loss = h.pow(2).mean()
loss.backward()
"""
"""A block stack: 64 heads make 540 nodes a block, and its longest path 22 recorded steps."""


def walked(code: str) -> Any:
    """The report of a big run, without run_torch's JSON check (which deep-copies the graph)."""
    return run_local(shared_torch(), RunRequest(code=code, filename="wide.py", targets=["params"]))


def test_a_wide_block_stack_is_walked_whole() -> None:
    report = walked(TRANSFORMER_LIKE.replace("BLOCKS", "20"))
    graph = report.graph
    assert graph is not None and not graph.truncated and len(graph.nodes) > 10_000
    assert sum(n.kind == "leaf" for n in graph.nodes) == 6 * 20
    assert len(report.variables) == 120 and all(v.reachable for v in report.variables)


@pytest.mark.slow
def test_a_wide_100k_node_block_stack_is_walked_whole() -> None:
    report = walked(TRANSFORMER_LIKE.replace("BLOCKS", "190"))
    graph = report.graph
    assert graph is not None and not graph.truncated and len(graph.nodes) > 100_000
    assert all(v.reachable for v in report.variables)


def test_a_deep_mlp_is_walked_whole() -> None:
    report = walked(
        "import torch\n"
        "torch.set_num_threads(1)\n"
        "layers = [m for _ in range(1500) for m in (torch.nn.Linear(4, 4), torch.nn.Tanh())]\n"
        "params = list(torch.nn.Sequential(*layers).parameters())\n"
        "torch.nn.Sequential(*layers)(torch.randn(2, 4)).sum().backward()\n"
    )
    graph = report.graph
    assert graph is not None and not graph.truncated
    assert sum(n.kind == "leaf" for n in graph.nodes) == 3000 and all(v.reachable for v in report.variables)


def test_the_walk_stops_at_the_limit_and_says_so() -> None:
    report = run_torch(
        "import torch\n"
        "x = torch.ones(1, requires_grad=True)\n"
        "y = x\n"
        "for _ in range(500):\n"
        "    y = y + 1.0\n"
        "y.sum().backward()\n",
        graph_limit=100,
    )
    graph = report.graph
    assert graph is not None and graph.truncated and len(graph.nodes) == 100


def test_every_loss_is_a_root_and_the_latest_comes_first() -> None:
    report = run_torch(
        "import torch\n"
        "a = torch.ones(2, requires_grad=True)\n"
        "b = torch.ones(2, requires_grad=True)\n"
        "loss_a = (a * 2).sum()\n"
        "loss_b = (b * 3).sum()\n"
        "loss_a.backward()\n"
        "loss_b.backward()\n"
    )
    graph = report.graph
    roots = [n for n in graph.nodes if n.kind == "root"]
    assert [r.label for r in roots] == ["loss_b", "loss_a"]
    assert graph.root == roots[0].id
    assert report.losses == ["loss_b", "loss_a"]
    assert all(v.reachable for v in report.variables)


def test_custom_functions_are_marked_in_the_graph() -> None:
    report = run_torch(
        "import torch\n"
        "class Id(torch.autograd.Function):\n"
        "    @staticmethod\n"
        "    def forward(ctx, t):\n"
        "        return t.clone()\n"
        "    @staticmethod\n"
        "    def backward(ctx, g):\n"
        "        return g\n"
        "x = torch.ones(2, requires_grad=True)\n"
        "Id.apply(x).sum().backward()\n"
    )
    node = next(n for n in report.graph.nodes if n.op == "IdBackward")
    assert node.note == "custom autograd.Function" and node.line == 10


def test_deep_graphs_are_freed_without_overflowing_the_stack() -> None:
    """torch frees a long chain of nodes that ever had a Python object recursively; the
    recorder and the walk must not create that many (a crash would kill the worker). The
    residual stack reaches every block by a short path (the walk's own distance stays
    ~1,600) while its longest path, the one torch recurses along, is ~50,000 long."""
    import subprocess
    import sys

    code = (
        "from gradrepl.backends.torch.local import run_torch\n"
        "bodies = [(60000, 'y = y * 1.0'), (60000, 'y = y * w + y.sin()'),\n"
        "          (1600, 'f = y\\n    for _ in range(30):\\n        f = f * 0.5\\n    y = y + f')]\n"
        "for loops, body in bodies:\n"
        "    r = run_torch('import torch\\nx = torch.randn(4, requires_grad=True)\\nw = torch.randn(4, requires_grad=True)\\n'\n"
        "                  f'y = x\\nfor _ in range({loops}):\\n    ' + body + '\\nloss = y.sum()\\nloss.backward()\\n')\n"
        "    assert r.graph.truncated and r.variable('x').grad.kind != 'none'\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stderr[-2000:]
