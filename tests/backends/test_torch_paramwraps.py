"""The nn.Parameter wrappers and the evidence they feed, against real PyTorch."""

from __future__ import annotations

from typing import Any

import pytest

from gradrepl.backends.torch.local import run_torch

pytestmark = pytest.mark.torch


def of_kind(report: Any, kind: str) -> list[Any]:
    return [e for e in report.events if e.kind == kind]


def test_a_parameter_made_from_a_tensor_with_history_is_a_rewrap_at_the_scripts_line() -> None:
    report = run_torch(
        "import torch\n"
        "import torch.nn as nn\n"
        "lin = nn.Linear(3, 2)\n"
        "w = nn.Parameter(lin.weight * 2)\n"
        "loss = (torch.randn(4, 3) @ w.t()).sum()\n"
        "loss.backward()\n",
        targets=["lin.weight", "w"],
    )
    ctors = of_kind(report, "tensor_ctor")
    assert [(e.line, e.op) for e in ctors] == [(4, "nn.Parameter")]  # nn.Linear's own Parameters are not events
    assert ctors[0].detail["input_requires_grad"] is True
    assert report.variable("w").grad.kind == "finite"
    assert ctors[0].uids == [report.variable("lin.weight").uid]


def test_a_deep_copy_gives_equal_new_parameters_and_one_copy_event_without_a_detach() -> None:
    report = run_torch(
        "import copy\n"
        "import torch\n"
        "net = torch.nn.Linear(2, 2)\n"
        "twin = copy.deepcopy(net)\n"
        "print(torch.equal(net.weight, twin.weight), net.weight is twin.weight)\n"
        "print(twin.weight.requires_grad, type(twin.weight).__name__)\n"
        "twin(torch.randn(1, 2)).sum().backward()\n",
        targets=["net.weight", "twin.weight"],
    )
    assert report.stdout.split() == ["True", "False", "True", "Parameter"]
    copies = of_kind(report, "param_copy")
    assert [(e.line, e.op) for e in copies] == [(4, "copy.deepcopy")]
    assert copies[0].detail["count"] == 2  # weight and bias
    assert not of_kind(report, "detach")  # the copy's own .data read is not the user's
    original, twin = report.variable("net.weight"), report.variable("twin.weight")
    assert twin.grad.kind == "finite" and original.grad.kind == "none"
    assert original.evidence["loss_derives"] is True and original.reachable is False


def test_the_parameter_wrappers_are_gone_after_the_run() -> None:
    import torch

    new, deepcopy = torch.nn.Parameter.__dict__["__new__"], torch.nn.Parameter.__dict__["__deepcopy__"]
    run_torch("import torch\np = torch.nn.Parameter(torch.ones(2, requires_grad=True) * 3)\nraise ValueError('x')\n")
    assert torch.nn.Parameter.__dict__["__new__"] is new
    assert torch.nn.Parameter.__dict__["__deepcopy__"] is deepcopy
    assert isinstance(torch.nn.Parameter(torch.ones(1)), torch.nn.Parameter)


def test_a_freeze_from_a_helpers_false_argument_names_the_call() -> None:
    report = run_torch(
        "import torch\n"
        "def set_flag(net, flag):\n"
        "    for p in net.parameters():\n"
        "        p.requires_grad = flag\n"
        "def freeze(net):\n"
        "    net.weight.requires_grad_(False)\n"
        "a, b = torch.nn.Linear(2, 2), torch.nn.Linear(2, 2)\n"
        "set_flag(a, False)\n"
        "freeze(b)\n"
    )
    offs = {e.line: e.detail.get("caller_line") for e in of_kind(report, "requires_grad_off")}
    assert offs == {4: 8, 6: None}


def test_a_step_records_the_shapes_it_updates() -> None:
    report = run_torch(
        "import torch\n"
        "lin = torch.nn.Linear(3, 2)\n"
        "opt = torch.optim.SGD(lin.parameters(), lr=0.1)\n"
        "lin(torch.randn(1, 3)).sum().backward()\n"
        "opt.step()\n"
    )
    assert of_kind(report, "optimizer_step")[0].detail["shapes"] == [[2, 3], [2]]


def test_a_model_re_created_after_its_optimizer_is_found_by_its_creation_line() -> None:
    report = run_torch(
        "import torch\n"
        "class Net(torch.nn.Module):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.fc = torch.nn.Linear(3, 1)\n"
        "model = Net()\n"
        "opt = torch.optim.SGD(model.parameters(), lr=0.1)\n"
        "model = Net()\n"
        "model(torch.randn(2, 3)).sum().backward()\n",
        targets=["opt.param_groups[0]['params'][0]", "model.fc.weight"],
    )
    old = report.variable("opt.param_groups[0]['params'][0]")
    assert old.evidence.get("successor_line") == 8
    assert "successor_line" not in report.variable("model.fc.weight").evidence
