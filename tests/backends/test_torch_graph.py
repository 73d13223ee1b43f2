"""The autograd-graph walk against real PyTorch: DAG sharing, depth, limits, cuts, labels."""

from __future__ import annotations

import pytest

from gradrepl.backends.torch.local import run_torch

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


def test_inputs_that_need_no_grad_are_cut_nodes() -> None:
    report = run_torch(
        "import torch\n"
        "w = torch.ones(2, requires_grad=True)\n"
        "c = torch.ones(2)\n"
        "(w * c).sum().backward()\n"
    )
    graph = report.graph
    mul = next(n for n in graph.nodes if n.op == "MulBackward0")
    kids = [graph.nodes[i] for i in graph.children[mul.id]]
    assert sorted(k.kind for k in kids) == ["cut", "leaf"]
    assert next(k for k in kids if k.kind == "cut").note == "input did not require grad"


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
    recorder and the walk must not create that many (a crash would kill the worker)."""
    import subprocess
    import sys

    code = (
        "from gradrepl.backends.torch.local import run_torch\n"
        "for body in ('y = y * 1.0', 'y = y * w + y.sin()'):\n"
        "    r = run_torch('import torch\\nx = torch.randn(4, requires_grad=True)\\nw = torch.randn(4, requires_grad=True)\\n'\n"
        "                  'y = x\\nfor _ in range(60000):\\n    ' + body + '\\nloss = y.sum()\\nloss.backward()\\n')\n"
        "    assert r.graph.truncated and r.variable('x').grad.kind != 'none'\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stderr[-2000:]
