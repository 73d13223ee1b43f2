"""The torch recorder against real PyTorch: which events it logs, at which user line."""

from __future__ import annotations

from typing import Any

import pytest

from gradrepl.backends.torch.local import run_torch

pytestmark = pytest.mark.torch


def kinds(report: Any) -> list[tuple[str, int | None]]:
    return [(e.kind, e.line) for e in report.events]


def event(report: Any, kind: str) -> Any:
    found = [e for e in report.events if e.kind == kind]
    assert found, f"no {kind} event in {kinds(report)}"
    return found[0]


def test_cutting_calls_are_logged_at_the_users_line() -> None:
    report = run_torch(
        "import torch\n"
        "x = torch.randn(3, requires_grad=True)\n"
        "a = x.detach()\n"
        "b = x.data\n"
        "c = (x * 2).detach().numpy()\n"
        "d = x.sum().item()\n"
        "e = torch.tensor([1.0, 2.0]) + torch.tensor(d)\n"
        "with torch.no_grad():\n"
        "    f = x * 3\n"
        "g = x.argmax()\n"
        "h = torch.round(x)\n"
    )
    found = kinds(report)
    for expected in [("detach", 3), ("detach", 4), ("detach", 5), ("numpy", 5), ("item", 6), ("tensor_ctor", 7),
                     ("grad_mode_off", 8), ("no_grad", 9), ("nondiff", 10), ("zero_grad_op", 11)]:
        assert expected in found
    assert event(report, "no_grad").detail["region_line"] == 8
    assert event(report, "detach").op == "Tensor.detach"
    assert [e.op for e in report.events if e.kind == "detach"][1] == "Tensor.data"


def test_ops_inside_user_functions_get_the_innermost_user_line() -> None:
    report = run_torch(
        "import torch\n"
        "def helper(t):\n"
        "    return t.detach() * 2\n"
        "x = torch.randn(2, requires_grad=True)\n"
        "y = helper(x)\n"
    )
    assert ("detach", 3) in kinds(report)


def test_backward_retain_and_create_flags_and_grad_reads() -> None:
    report = run_torch(
        "import torch\n"
        "x = torch.randn(3, requires_grad=True)\n"
        "y = (x ** 2).sum()\n"
        "g, = torch.autograd.grad(y, x, create_graph=True)\n"
        "g.sum().backward(retain_graph=True)\n"
        "print(x.grad)\n"
        "z = x * 2\n"
        "print(z.grad)\n"
    )
    grad = event(report, "autograd_grad")
    assert grad.line == 4 and grad.detail["create_graph"] is True
    back = event(report, "backward")
    assert back.line == 5 and back.detail["retain_graph"] is True and back.detail["create_graph"] is False
    reads = [e for e in report.events if e.kind == "grad_read"]
    assert [e.line for e in reads] == [6, 8]
    assert reads[1].detail.get("non_leaf") is True


def test_optimizer_and_module_calls_are_logged_without_their_internals() -> None:
    report = run_torch(
        "import torch\n"
        "net = torch.nn.Linear(2, 1)\n"
        "opt = torch.optim.SGD(net.parameters(), lr=0.1)\n"
        "for _ in range(3):\n"
        "    opt.zero_grad()\n"
        "    net(torch.ones(1, 2)).sum().backward()\n"
        "    opt.step()\n"
        "net.zero_grad(set_to_none=False)\n"
    )
    init = event(report, "optimizer_init")
    assert init.line == 3 and len(init.detail["params"]) == 2
    zero = [e for e in report.events if e.kind == "zero_grad"]
    assert [(e.line, e.detail["count"], e.detail["set_to_none"]) for e in zero] == [(5, 3, True), (8, 1, False)]
    step = event(report, "optimizer_step")
    assert step.line == 7 and step.detail["count"] == 3
    # SGD's own no_grad updates are not the user's: no no_grad or inplace events from step()
    assert not [e for e in report.events if e.kind in ("no_grad", "inplace") and e.line == 7]


def test_inplace_ops_record_version_and_the_op_that_made_the_tensor() -> None:
    report = run_torch(
        "import torch\n"
        "x = torch.randn(3, requires_grad=True)\n"
        "y = x.exp()\n"
        "y.add_(1)\n"
        "y[0] = 2.0\n"
    )
    ops = [(e.op, e.line) for e in report.events if e.kind == "inplace"]
    assert ops == [("Tensor.add_", 4), ("Tensor.__setitem__", 5)]
    first = event(report, "inplace")
    assert first.detail["versions"][0] == [0, "ExpBackward0", [3]]


def test_requires_grad_changes_hooks_and_custom_functions() -> None:
    report = run_torch(
        "import torch\n"
        "w = torch.zeros(2)\n"
        "w.requires_grad_()\n"
        "p = torch.nn.Parameter(torch.ones(2))\n"
        "p.requires_grad = False\n"
        "h = w.register_hook(lambda g: g * 2)\n"
        "class Twice(torch.autograd.Function):\n"
        "    @staticmethod\n"
        "    def forward(ctx, t):\n"
        "        return t * 2\n"
        "    @staticmethod\n"
        "    def backward(ctx, g):\n"
        "        return g * 2\n"
        "y = Twice.apply(w)\n"
    )
    found = kinds(report)
    assert ("requires_grad_on", 3) in found and ("requires_grad_off", 5) in found and ("hook", 6) in found
    custom = event(report, "custom_fn")
    # the line where backward makes the gradient: its return
    assert custom.line == 14 and custom.op == "Twice.apply" and custom.detail["backward_line"] == 13
    # the ops inside the custom forward run under no_grad, but they are not the user's cut
    assert not [e for e in report.events if e.kind == "no_grad"]


def test_grad_fn_metadata_carries_the_line_and_graph_nodes_show_it() -> None:
    report = run_torch(
        "import torch\n"
        "w = torch.randn(3, requires_grad=True)\n"
        "h = torch.tanh(w)\n"
        "loss = (h * 2).sum()\n"
        "loss.backward()\n"
    )
    lines = {n.op: n.line for n in report.graph.nodes}
    assert lines["TanhBackward0"] == 3 and lines["MulBackward0"] == 4 and lines["SumBackward0"] == 4


def test_recording_does_not_change_results_or_raise_on_its_own() -> None:
    code = (
        "import torch\n"
        "torch.manual_seed(3)\n"
        "lin = torch.nn.Linear(4, 4)\n"
        "with torch.no_grad():\n"
        "    torch.nn.init.orthogonal_(lin.weight)\n"
        "x = torch.randn(5, 4)\n"
        "out = torch.relu(lin(x)).sum()\n"
        "out.backward()\n"
        "value = out.item()\n"
        "gnorm = lin.weight.grad.norm().item()\n"
    )
    recorded = run_torch(code, targets=["lin.weight"])
    plain = run_torch(code, targets=["lin.weight"], record=False)
    assert recorded.outcome == plain.outcome == "completed"
    assert recorded.variables[0].grad.sample == plain.variables[0].grad.sample


def test_from_numpy_and_python_values_keep_their_provenance() -> None:
    report = run_torch(
        "import numpy as np\n"
        "import torch\n"
        "w = torch.randn(3, requires_grad=True)\n"
        "arr = (w * 2).detach().numpy()\n"
        "back = torch.from_numpy(arr)\n"
        "s = torch.tensor(w.sum().item())\n"
        "loss = (back * 1.0).sum() + s\n"
    )
    ctor = [e for e in report.events if e.kind == "tensor_ctor"]
    assert [(e.op, e.line, e.detail["source"]) for e in ctor] == [("torch.from_numpy", 5, "numpy"), ("torch.tensor", 6, "python")]
    w = report.variable("w")
    assert w is not None and w.uid in ctor[0].uids and w.uid in ctor[1].uids


def test_a_session_continues_the_provenance_of_its_earlier_inputs() -> None:
    from gradrepl.backends.torch.local import run_local, shared_torch
    from gradrepl.core.request import RunRequest

    ns: dict[str, Any] = {"__name__": "__main__"}
    inputs = ["import torch\nw = torch.ones(2, requires_grad=True)\n", "\n\nh = w.detach() * 2\n",
              "\n\n\nloss = (h * 3).sum()\n", "\n\n\n\nprint(w.grad)\n"]
    for code in inputs:
        report = run_local(shared_torch(), RunRequest(code=code, filename="<repl>", session="s1", targets=["w"]), ns)
    w = report.variable("w")
    assert w is not None and w.grad.kind == "none"
    path = [report.events[i] for i in w.evidence["path_events"]]
    assert [(e.kind, e.line) for e in path] == [("detach", 3)]
    fresh = run_local(shared_torch(), RunRequest(code=inputs[-1], filename="<repl>", targets=["w"]),
                      {"__name__": "__main__", "w": ns["w"]})
    assert not [e for e in fresh.events if e.kind == "detach"]


def test_a_view_taken_under_no_grad_is_a_cut() -> None:
    """torch marks such a view requires_grad=True with no history: it is still a cut."""
    report = run_torch(
        "import torch\n"
        "w = torch.randn(3, requires_grad=True)\n"
        "mu = w * 2\n"
        "with torch.no_grad():\n"
        "    v = mu.expand(2, 3)\n"
        "loss = (v * 3).sum()\n"
        "loss.backward()\n",
        targets=["w"],
    )
    w = report.variable("w")
    assert w is not None and w.grad.kind == "none"
    assert [(report.events[i].kind, report.events[i].line) for i in w.evidence["path_events"]] == [("no_grad", 5)]
    assert not report.warnings
