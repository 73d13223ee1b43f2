"""The torch inspector against real PyTorch: targets, names, gradients, losses, evidence."""

from __future__ import annotations

import pytest

from gradrepl.backends.torch.local import run_torch

pytestmark = pytest.mark.torch

MODEL = """\
import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
        self.heads = nn.ModuleDict({"a": nn.Linear(2, 1)})
        self.unused = nn.Linear(2, 2)
    def forward(self, x):
        return self.heads["a"](self.body(x))
net = Net()
opt = torch.optim.SGD(net.parameters(), lr=0.1)
data = torch.randn(5, 3)
labels = torch.randn(5, 1)
extra = torch.zeros(2, requires_grad=True)
loss = ((net(data) - labels) ** 2).mean()
loss.backward()
"""


def names(report: object) -> list[str]:
    return [v.name for v in report.variables]  # type: ignore[attr-defined]


def test_discovery_names_parameters_as_the_user_writes_them_and_skips_data() -> None:
    report = run_torch(MODEL)
    found = names(report)
    assert "net.body[0].weight" in found and "net.heads['a'].bias" in found and "net.unused.weight" in found
    assert "extra" in found
    assert "data" not in found and "labels" not in found and "loss" not in found
    assert report.losses == ["loss"]


def test_gradient_states_reachability_and_lines() -> None:
    report = run_torch(MODEL)
    w = report.variable("net.body[0].weight")
    assert w is not None and w.grad.kind == "finite" and w.reachable is True and w.kind == "parameter"
    assert w.grad.norm is not None and w.grad.norm > 0 and len(w.grad.sample) == 8
    assert w.line == 6  # where the Sequential that owns it was created
    unused = report.variable("net.unused.weight")
    assert unused is not None and unused.grad.kind == "none" and unused.reachable is False
    assert unused.evidence["loss_derives"] is False and unused.evidence["in_optimizer"] is True
    extra = report.variable("extra")
    assert extra is not None and extra.line == 15 and extra.evidence["in_optimizer"] is False


def test_target_expressions_expand_modules_lists_and_optimizers() -> None:
    report = run_torch(MODEL, targets=["net.heads", "[extra, net.unused.bias]", "opt", "data"])
    found = names(report)
    assert found[:2] == ["net.heads['a'].weight", "net.heads['a'].bias"]
    assert "[extra, net.unused.bias][0]" in found and "[extra, net.unused.bias][1]" in found
    assert "opt.param_groups[0]['params'][0]" in found
    data = report.variable("data")
    assert data is not None and data.requires_grad is False and data.grad.kind == "none"


def test_failing_targets_become_one_sentence() -> None:
    report = run_torch(MODEL, targets=["nope", "net.body[", "labels.shape", "net.unused.weight"])
    assert "NameError" in report.target_errors["nope"] and report.target_errors["nope"].endswith(".")
    assert "not a valid Python expression" in report.target_errors["net.body["]
    assert "not a tensor" in report.target_errors["labels.shape"]
    assert names(report) == ["net.unused.weight"]


def test_a_target_of_a_run_that_stopped_names_the_line() -> None:
    report = run_torch("import torch\nx = torch.randn(2)\nraise ValueError('boom')\ny = x\n", targets=["y"])
    assert report.outcome == "raised" and report.error is not None and report.error.line == 3
    assert "line 3" in report.target_errors["y"]


def test_zero_and_nonfinite_gradients_are_told_apart() -> None:
    report = run_torch(
        "import torch\n"
        "a = torch.ones(3, requires_grad=True)\n"
        "b = torch.zeros(3, requires_grad=True)\n"
        "c = torch.ones(3, requires_grad=True)\n"
        "(torch.round(a) + torch.sqrt(b) + c * 0).sum().backward()\n"
    )
    kinds = {v.name: v.grad.kind for v in report.variables}
    assert kinds == {"a": "zero", "b": "nonfinite", "c": "zero"}
    b = report.variable("b")
    assert b is not None and b.grad.inf_count == 3 and b.grad.sample == []


def test_a_name_bound_to_an_op_on_an_unnamed_leaf_is_discovered() -> None:
    report = run_torch(
        "import torch\n"
        "W = torch.randn(3, 1, requires_grad=True) * 0.01\n"
        "h = torch.randn(4, 3) @ W\n"
        "h.sum().backward()\n"
    )
    assert names(report) == ["W"]
    w = report.variable("W")
    assert w is not None and w.is_leaf is False and w.evidence["orphan_leaf"] is True
    assert w.evidence["grad_fn"] == "MulBackward0" and w.evidence["grad_fn_line"] == 2


def test_losses_without_a_name_and_the_likely_loss() -> None:
    unnamed = run_torch("import torch\nx = torch.ones(2, requires_grad=True)\n(x * 3).sum().backward()\n")
    assert unnamed.losses == ["(x * 3).sum()"]
    likely = run_torch("import torch\nx = torch.ones(2, requires_grad=True)\nmy_loss = (x * 3).sum()\n")
    assert likely.losses == ["my_loss"]
    x = likely.variable("x")
    assert x is not None and x.reachable is True and x.evidence["backward_calls"] == 0


def test_provenance_evidence_names_the_events_between_variable_and_loss() -> None:
    report = run_torch(
        "import torch\n"
        "x = torch.randn(3, requires_grad=True)\n"
        "w = torch.randn(3, requires_grad=True)\n"
        "y = x.detach() * w\n"
        "with torch.no_grad():\n"
        "    z = y + 1\n"
        "loss = (z * w).sum()\n"
        "loss.backward()\n"
    )
    x = report.variable("x")
    assert x is not None
    path = [report.events[i] for i in x.evidence["path_events"]]
    assert [(e.kind, e.line) for e in path] == [("detach", 4), ("no_grad", 6)]
    assert x.evidence["loss_derives"] is True and x.reachable is False
    w = report.variable("w")
    assert w is not None and w.reachable is True


def test_report_round_trips_through_json() -> None:
    from gradrepl.core.report import RunReport

    report = run_torch(MODEL)
    again = RunReport.from_json(report.to_json())
    assert again.variables[0].evidence == report.variables[0].evidence
    assert again.graph is not None and len(again.graph.nodes) == len(report.graph.nodes)


def test_an_intermediate_of_a_named_result_is_not_an_orphan() -> None:
    report = run_torch(
        "import torch\n"
        "W = torch.randn(3, 1, requires_grad=True) * 0.01\n"
        "h = torch.randn(4, 3) @ W\n"
        "h.sum().backward()\n",
        targets=["W", "h"],
    )
    orphan = {v.name: v.evidence["orphan_leaf"] for v in report.variables}
    assert orphan == {"W": True, "h": False}


def test_layers_in_a_plain_list_are_named_and_flagged_as_unregistered() -> None:
    from gradrepl.diagnosis.engine import diagnose

    report = run_torch(
        "import torch\n"
        "import torch.nn as nn\n"
        "class Net(nn.Module):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.hids = [nn.Linear(4, 4) for _ in range(2)]\n"
        "        self.out = nn.Linear(4, 1)\n"
        "    def forward(self, x):\n"
        "        for h in self.hids:\n"
        "            x = torch.relu(h(x))\n"
        "        return self.out(x)\n"
        "net = Net()\n"
        "opt = torch.optim.SGD(net.parameters(), lr=0.1)\n"
        "net(torch.randn(3, 4)).sum().backward()\n"
        "opt.step()\n"
    )
    hid = report.variable("net.hids[1].weight")
    assert hid is not None and hid.grad.kind == "finite" and hid.line == 6
    assert hid.evidence["unregistered_in"] == "net.hids" and hid.evidence["in_optimizer"] is False
    notes = [f for f in diagnose(report) if f.target == "net.hids[1].weight"]
    assert [f.cause for f in notes] == ["none", "optimizer_wrong_params"] and "net.hids" in notes[1].explanation
    assert "unregistered_in" not in report.variable("net.out.weight").evidence  # type: ignore[union-attr]


def test_variables_of_a_main_function_are_targets_too() -> None:
    report = run_torch(
        "import torch\n"
        "def main():\n"
        "    w = torch.ones(3, requires_grad=True)\n"
        "    loss = (w.detach() * 2).sum()\n"
        "    data = torch.randn(3)\n"
        "if __name__ == '__main__':\n"
        "    main()\n"
    )
    assert [v.name for v in report.variables] == ["w"]
    explicit = run_torch("import torch\ndef main():\n    w = torch.ones(3, requires_grad=True)\n    y = w * 2\nmain()\n",
                         targets=["w", "y"])
    assert not explicit.target_errors and explicit.variable("y").is_leaf is False  # type: ignore[union-attr]


def test_a_loss_given_to_autograd_grad_is_named_by_its_source() -> None:
    report = run_torch("import torch\nx = torch.ones(2, requires_grad=True)\ng, = torch.autograd.grad((x ** 2).sum(), x)\n")
    assert report.losses == ["(x ** 2).sum()"]
