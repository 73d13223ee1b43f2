"""Finite-difference checks against real PyTorch."""

from __future__ import annotations

import pytest

from gradrepl.backends.torch.local import run_torch

pytestmark = pytest.mark.torch

CODE = """\
import torch
torch.manual_seed(0)
net = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
x = torch.randn(6, 3)
def loss_fn():
    return net(x).pow(2).mean()
loss_fn().backward()
"""


def test_a_correct_gradient_matches_in_float64() -> None:
    report = run_torch(CODE, targets=["net"], checks=[{"target": "net[0].weight", "fd": "loss_fn()", "rtol": 1e-4, "atol": 1e-6}])
    (check,) = report.checks
    assert check.passed, check.message
    assert check.check == "fd" and "float64" in check.message
    import torch

    net_dtype = report.variable("net[0].weight").dtype  # type: ignore[union-attr]
    assert net_dtype == "float32" and torch.get_default_dtype() == torch.float32


def test_a_wrong_gradient_is_caught() -> None:
    code = CODE.replace("loss_fn().backward()", "(2 * loss_fn()).backward()")
    report = run_torch(code, checks=[{"target": "net[2].weight", "fd": "loss_fn()", "rtol": 1e-3, "atol": 1e-6}])
    (check,) = report.checks
    assert not check.passed and "differs" in check.message


def test_the_check_restores_the_values_it_perturbed() -> None:
    report = run_torch(CODE + "before = net[0].weight.detach().clone()\n",
                       checks=[{"target": "net[0].weight", "fd": "loss_fn()"}])
    assert report.checks[0].passed
    again = run_torch(CODE + "before = net[0].weight.detach().clone()\n", targets=["before", "net[0].weight"])
    assert again.variables[0].grad.kind == "none"


def test_missing_gradient_and_bad_expressions_fail_with_a_sentence() -> None:
    report = run_torch("import torch\nw = torch.ones(2, requires_grad=True)\n",
                       checks=[{"target": "w", "fd": "(w ** 2).sum()"}, {"target": "nope", "fd": "1.0"}])
    first, second = report.checks
    assert not first.passed and "no gradient" in first.message
    assert not second.passed and "NameError" in second.message
