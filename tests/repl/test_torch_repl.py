"""The REPL against real PyTorch: None gradients diagnosed as they happen, commands, scenarios.

All tests share the session-wide ``real_runner`` (torch is imported once).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from repl_harness import ALT_ENTER, PASTE_END, PASTE_START, drive, lines, new_state

from gradrepl.core import causes
from gradrepl.repl.state import ReplState
from gradrepl.runner.runner import Runner

pytestmark = pytest.mark.torch

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "scenarios" / "good"


def paste(block: str) -> str:
    """A bracketed paste of ``block``, run at once."""
    return PASTE_START + block + PASTE_END + ALT_ENTER


@pytest.fixture
def state(real_runner: Runner) -> ReplState:
    real_runner.wait_ready("torch")  # so no test's output starts with "waiting for torch to load"
    return new_state(real_runner, "torch")


def test_reading_a_non_leaf_grad_is_diagnosed_on_the_next_line(state: ReplState) -> None:
    out = drive(state, lines(
        "import torch",
        "x = torch.tensor([1.0, 2.0], requires_grad=True)",
        "h = x * 2",
        "loss = h.sum()",
        "loss.backward()",
        "h.grad",
    ))
    assert "__gradrepl" not in out  # torch's non-leaf warning quotes the line as typed
    assert "  h.grad" in out.splitlines()
    notice = out.strip().splitlines()[-1]
    assert notice.startswith("h.grad is None (line 6): ")
    assert notice.endswith(":why h")
    assert state.last_target == "h"
    assert state.last_cause == "non_leaf_access"
    assert causes.get("non_leaf_access").title.lower() in notice.lower()


def test_a_grad_that_is_present_gets_no_notice(state: ReplState) -> None:
    out = drive(state, lines(
        "import torch",
        "w = torch.ones(3, requires_grad=True)",
        "(w * 3).sum().backward()",
        "w.grad",
    ))
    assert out.strip().splitlines() == ["tensor([3., 3., 3.])"]
    assert state.last_target is None


def test_a_tensor_that_never_required_grad_is_named_from_the_source_line(state: ReplState) -> None:
    out = drive(state, lines(
        "import torch",
        "x = torch.tensor([1.0, 2.0], requires_grad=True)",
        "y = (x * 3).detach()",
        "loss = (x * y).sum()",
        "loss.backward()",
        "print(x.grad, y.grad)",
    ))
    notice = out.strip().splitlines()[-1]
    assert notice.startswith("y.grad is None (line 6)")
    assert "x.grad" not in notice  # x got its gradient


def test_a_detach_in_an_earlier_input_is_named_as_the_cause(state: ReplState) -> None:
    out = drive(state, lines(
        "import torch",
        "w = torch.ones(2, requires_grad=True)",
        "v = torch.ones(2, requires_grad=True)",
        "h = w.detach() * 2",
        "loss = (h * v).sum()",
        "loss.backward()",
        "w.grad",
    ))
    assert out.strip() == "w.grad is None (line 7): detach() cut the path to the loss, at line 4.  :why w"


def test_values_print_in_full_when_small_and_summarised_when_large(state: ReplState) -> None:
    out = drive(state, lines(
        "import torch",
        "torch.tensor([1.0, 2.0], requires_grad=True) * 2",
        "torch.zeros(100, 10, requires_grad=True)",
    ))
    assert out.splitlines() == [
        "tensor([2., 4.], grad_fn=<MulBackward0>)",
        "<Tensor shape=(100, 10), dtype=torch.float32, requires_grad=True>",
        "  first [0, 0, 0, 0, 0, 0, ...]  min 0  max 0  mean 0",
    ]


def test_why_shows_the_full_finding_with_the_session_line(state: ReplState) -> None:
    drive(state, lines(
        "import torch",
        "x = torch.tensor([1.0, 2.0], requires_grad=True)",
        "h = x * 2",
        "h.sum().backward()",
        "h.grad",
    ))
    out = drive(state, lines(":why"))  # no argument: the variable of the last notice
    assert out.startswith("h: gradient is None")
    assert "non_leaf_access" in out
    assert "fix:" in out


def test_tree_and_grads_describe_the_graph_and_the_variables(state: ReplState) -> None:
    drive(state, lines(
        "import torch",
        "a = torch.tensor([1.0, 2.0], requires_grad=True)",
        "b = torch.tensor([3.0, 4.0], requires_grad=True)",
        "loss = (a * b.detach()).sum()",
        "loss.backward()",
    ))
    tree = drive(state, lines(":tree")).splitlines()
    assert tree[0].startswith("loss  SumBackward0  line 4")
    assert any(row.endswith("a  grad norm 5 (2)") for row in tree)
    table = drive(state, lines(":grads")).splitlines()
    rows = {row.split()[0]: row.split() for row in table[1:]}
    assert rows["a"][6:9] == ["norm", "5", "(2)"]
    assert rows["b"][6] == "None"


def test_a_scenario_loads_hints_and_checks_until_fixed(state: ReplState) -> None:
    out = drive(state, lines(f":load {FIXTURES / 'detach-mini'}"))
    # the starter's line 9 prints x.grad; its line 7 builds the loss from y.detach()
    assert "x.grad is None (line 9): detach() cut the path to the loss, at line 7.  :why x" in out
    assert "  x: gradient None  (:why x)" in out.splitlines()
    hints = drive(state, lines(":hint", ":hint"))
    assert hints.splitlines() == [
        "Hint 1/3 (concept): Which operations end the recording of a tensor's history?",
        "Hint 2/3 (location): Look at the line that builds the loss.",
    ]
    why = drive(state, lines(":why x"))
    assert why.startswith("x: gradient is None\n  cause: detach() cut the path to the loss [detach,")
    assert "  → 7 │ loss = (y.detach() * w).sum()" in why.splitlines()
    assert "FAIL x's gradient should be present" in drive(state, lines(":check"))
    fixed = drive(state, lines("w.grad = None", "loss = (y * w).sum()", "loss.backward()", ":check"))
    assert "FAIL" not in fixed
    assert fixed.splitlines()[-1] == "Solved: A detached copy hides x from the loss."


FROZEN_FIRST_LAYER = """import torch
model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 1))
for p in model[0].parameters():
    p.requires_grad_(False)
x = torch.randn(8, 3)
loss = model(x).pow(2).mean()
loss.backward()"""


def test_a_module_is_explained_parameter_by_parameter(state: ReplState) -> None:
    out = drive(state, paste(FROZEN_FIRST_LAYER) + lines("model[0].weight.grad"))
    assert out.strip().splitlines()[-1] == (
        "model[0].weight.grad is None (line 8): the parameter is frozen, at line 4.  :why model[0].weight"
    )
    why = drive(state, lines(":why model"))
    heads = [line for line in why.splitlines() if line.startswith("model[")]
    assert heads == [
        "model[0].weight: gradient is None",
        "model[0].bias: gradient is None",
        "model[2].weight: gradient is fine",
        "model[2].bias: gradient is fine",
    ]
    path = drive(state, lines(":tree model[2].weight")).splitlines()
    assert path[0] == "loss  MeanBackward0  line 6"
    leaf_rows = [row for row in path if "model[2].weight" in row]
    assert len(leaf_rows) == 1 and "model[2].weight  grad norm " in leaf_rows[0]
    assert not any("model[0]" in row for row in path)  # only the path from the loss to it
