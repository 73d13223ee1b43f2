"""'Backward through the graph a second time': the reused value and the variables behind it."""

from __future__ import annotations

from typing import Any

import pytest

from gradrepl.backends.torch.local import run_torch

pytestmark = pytest.mark.torch


def failing_backward(report: Any) -> Any:
    found = [e for e in report.events if e.kind == "backward" and e.detail.get("error")]
    assert found, "no failing backward"
    return found[0]


def test_losses_built_up_front_reuse_the_shared_features_not_their_own_nodes() -> None:
    report = run_torch(
        "import torch\n"
        "trunk = torch.nn.Linear(4, 3)\n"
        "heads = [torch.nn.Linear(3, 1) for _ in range(2)]\n"
        "feats = torch.relu(trunk(torch.randn(5, 4)))\n"
        "losses = [h(feats).sum() for h in heads]\n"
        "for loss in losses:\n"
        "    loss.backward()\n",
        targets=["trunk.weight", "heads[0].weight", "heads[1].weight"],
    )
    event = failing_backward(report)
    assert event.detail["reused"]["line"] == 4
    assert report.variable("trunk.weight").grad.kind == "finite"  # from the first backward
    behind = set(event.detail["reused_uids"])
    assert report.variable("trunk.weight").uid in behind
    assert not behind & {report.variable("heads[0].weight").uid, report.variable("heads[1].weight").uid}


def test_a_hidden_state_carried_over_is_the_reused_value() -> None:
    report = run_torch(
        "import torch\n"
        "cell = torch.nn.GRU(2, 3)\n"
        "h = None\n"
        "for step in range(2):\n"
        "    out, h = cell(torch.randn(4, 1, 2), h)\n"
        "    out.sum().backward()\n",
        targets=["cell.weight_hh_l0"],
    )
    assert failing_backward(report).detail["reused"]["line"] == 5
    assert report.variable("cell.weight_hh_l0").uid in failing_backward(report).detail["reused_uids"]
