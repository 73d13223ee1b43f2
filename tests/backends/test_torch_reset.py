"""reset() against real PyTorch: global state a run changes is put back."""

from __future__ import annotations

import pytest

from gradrepl.backends.torch.local import run_torch, shared_torch

pytestmark = pytest.mark.torch


def test_grad_mode_dtype_threads_anomaly_and_determinism_come_back() -> None:
    import torch

    threads = torch.get_num_threads()
    report = run_torch(
        "import torch\n"
        "torch.set_grad_enabled(False)\n"
        "torch.set_default_dtype(torch.float64)\n"
        "torch.set_num_threads(1)\n"
        "torch.autograd.set_detect_anomaly(True)\n"
        "torch.use_deterministic_algorithms(True)\n"
    )
    assert report.outcome == "completed"
    assert torch.is_grad_enabled() and not torch.is_anomaly_enabled()
    assert torch.get_default_dtype() == torch.float32
    assert torch.get_num_threads() == threads
    assert not torch.are_deterministic_algorithms_enabled()
    assert shared_torch().reset() is True


def test_monkeypatched_torch_attributes_and_global_hooks_are_restored() -> None:
    import torch
    from torch.nn.modules import module as module_mod

    add, linear, relu = torch.add, torch.nn.functional.linear, torch.Tensor.relu
    hooks = dict(module_mod._global_forward_hooks)
    run_torch(
        "import torch\n"
        "torch.add = lambda *a, **k: None\n"
        "torch.nn.functional.linear = None\n"
        "torch.Tensor.relu = lambda self: self\n"
        "torch.Tensor.my_helper = lambda self: 1\n"
        "torch.nn.modules.module.register_module_forward_hook(lambda m, i, o: o)\n"
    )
    assert torch.add is add and torch.nn.functional.linear is linear and torch.Tensor.relu is relu
    assert not hasattr(torch.Tensor, "my_helper")
    assert dict(module_mod._global_forward_hooks) == hooks


def test_every_run_starts_from_the_same_seed() -> None:
    code = "import torch\nx = torch.randn(3, requires_grad=True)\n(x * 1.0).sum().backward()\nv = x.tolist()\n"
    first = run_torch(code, targets=["x"])
    second = run_torch(code, targets=["x"])
    assert first.stdout == second.stdout
    a = run_torch(code + "print(v)\n")
    b = run_torch(code + "print(v)\n")
    assert a.stdout == b.stdout and a.stdout.strip()


def test_the_recorders_wrappers_are_gone_after_a_run_that_raised() -> None:
    import torch

    zero_grad = torch.optim.Optimizer.zero_grad
    from_numpy = torch.from_numpy
    report = run_torch("import torch\nopt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1)\nraise RuntimeError('x')\n")
    assert report.outcome == "raised"
    assert torch.optim.Optimizer.zero_grad is zero_grad and torch.from_numpy is from_numpy
    assert torch._C._len_torch_function_stack() == 0


def test_a_mode_left_pushed_by_the_user_is_popped() -> None:
    import torch

    run_torch(
        "import torch\n"
        "from torch.overrides import TorchFunctionMode\n"
        "class Mine(TorchFunctionMode):\n"
        "    def __torch_function__(self, func, types, args=(), kwargs=None):\n"
        "        return func(*args, **(kwargs or {}))\n"
        "Mine().__enter__()\n"
    )
    assert torch._C._len_torch_function_stack() == 0
