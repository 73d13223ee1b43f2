"""Provides the snapshot of torch's global state taken at load and restored by reset().

A run may switch grad mode off, enter inference or anomaly mode, change the
default dtype or thread count, turn on deterministic algorithms, register
global hooks or monkeypatch torch itself. reset() puts all of it back and says
whether it could.
"""

from __future__ import annotations

import random
import types
from typing import Any

import numpy as np
import torch
from torch.nn.modules import module as module_mod
from torch.optim import optimizer as optimizer_mod

GLOBAL_HOOK_DICTS = (
    (module_mod, "_global_backward_pre_hooks"),
    (module_mod, "_global_backward_hooks"),
    (module_mod, "_global_forward_pre_hooks"),
    (module_mod, "_global_forward_hooks"),
    (module_mod, "_global_forward_hooks_always_called"),
    (module_mod, "_global_forward_hooks_with_kwargs"),
    (module_mod, "_global_module_registration_hooks"),
    (module_mod, "_global_parameter_registration_hooks"),
    (module_mod, "_global_buffer_registration_hooks"),
    (optimizer_mod, "_global_optimizer_pre_hooks"),
    (optimizer_mod, "_global_optimizer_post_hooks"),
)


def _patch_targets() -> list[Any]:
    import torch.nn.functional as F

    return [torch, F, torch.Tensor, torch.nn.Module, torch.autograd, torch.optim.Optimizer,
            torch.autograd.function.Function]


class Snapshot:
    """torch's global settings and the attribute tables users may monkeypatch."""

    def __init__(self) -> None:
        self.dtype = torch.get_default_dtype()
        self.threads = torch.get_num_threads()
        self.deterministic = torch.are_deterministic_algorithms_enabled()
        self.deterministic_warn = torch.is_deterministic_algorithms_warn_only_enabled()
        self.matmul_precision = torch.get_float32_matmul_precision()
        self.cudnn = (torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark)
        self.attrs = [(obj, dict(vars(obj))) for obj in _patch_targets()]
        self.hooks = [(mod, name, dict(getattr(mod, name))) for mod, name in GLOBAL_HOOK_DICTS if hasattr(mod, name)]

    def restore(self) -> bool:
        """Put everything back; False when something could not be restored."""
        ok = _restore_modes()
        torch.set_grad_enabled(True)
        torch.autograd.set_detect_anomaly(False)
        torch.set_default_dtype(self.dtype)
        if torch.get_num_threads() != self.threads:
            torch.set_num_threads(self.threads)
        torch.use_deterministic_algorithms(self.deterministic, warn_only=self.deterministic_warn)
        torch.set_float32_matmul_precision(self.matmul_precision)
        torch.backends.cudnn.deterministic, torch.backends.cudnn.benchmark = self.cudnn
        torch.set_printoptions(profile="default")
        ok = self._restore_attrs() and ok
        for mod, name, saved in self.hooks:
            current = getattr(mod, name)
            if dict(current) != saved:
                current.clear()
                current.update(saved)
        seed()
        return ok and torch.is_grad_enabled() and not torch.is_inference_mode_enabled() and not torch.is_anomaly_enabled()

    def _restore_attrs(self) -> bool:
        ok = True
        for obj, saved in self.attrs:
            current = vars(obj)
            for name, value in saved.items():
                if current.get(name, _MISSING) is not value:
                    ok = _set(obj, name, value) and ok
            for name in [n for n in current if n not in saved]:
                if not isinstance(current[name], types.ModuleType):
                    ok = _del(obj, name) and ok
        return ok


_MISSING = object()


def _set(obj: Any, name: str, value: Any) -> bool:
    try:
        setattr(obj, name, value)
        return True
    except (AttributeError, TypeError):
        return False


def _del(obj: Any, name: str) -> bool:
    try:
        delattr(obj, name)
        return True
    except (AttributeError, TypeError):
        return False


def _restore_modes() -> bool:
    """Leave inference mode and pop function modes a run left behind."""
    ok = True
    if torch.is_inference_mode_enabled():
        ok = False
    stack_len = torch._C._len_torch_function_stack()
    while stack_len > 0:
        try:
            torch._C._pop_torch_function_stack()
        except Exception:
            return False
        stack_len = torch._C._len_torch_function_stack()
    return ok


def seed() -> None:
    """Same random numbers in every run."""
    torch.manual_seed(0)
    random.seed(0)
    np.random.seed(0)
