"""Provides finite-difference checks of gradients against a loss expression.

For a check ``{"target": "w", "fd": "loss_fn()", "rtol": .., "atol": ..}`` the
gradient the run left in ``w.grad`` is compared with a central difference of
the expression, on at most 32 elements, in float64 when every tensor the
expression touches can be switched to float64 for the duration (and back).
"""

from __future__ import annotations

from typing import Any, Iterator

import torch

from gradrepl.backends.torch import naming
from gradrepl.core.report import CheckResult

Tensor = torch.Tensor
MAX_ELEMENTS = 32
EPS64 = 1e-6
EPS32 = 1e-3


def run_checks(checks: list[dict[str, Any]], ns: dict[str, Any]) -> list[CheckResult]:
    out = []
    for check in checks:
        if not check.get("fd"):
            continue
        target = str(check.get("target", ""))
        rtol = float(check.get("rtol", 1e-3))
        atol = float(check.get("atol", 1e-5))
        try:
            value = eval(compile(target, "<target>", "eval"), ns)  # noqa: S307 - the scenario's own expression
        except Exception as error:  # user input: report, never raise
            out.append(CheckResult(target, "fd", False, f"`{target}` could not be evaluated: {type(error).__name__}: {error}"))
            continue
        found = naming.expand(target, value)
        if isinstance(found, str):
            out.append(CheckResult(target, "fd", False, found))
            continue
        for name, t in found:
            out.append(_check(name, t, str(check["fd"]), ns, rtol, atol))
    return out


def _check(name: str, t: Tensor, fd: str, ns: dict[str, Any], rtol: float, atol: float) -> CheckResult:
    if t.grad is None:
        return CheckResult(name, "fd", False, f"{name} has no gradient to compare with finite differences.")
    if not t.is_floating_point():
        return CheckResult(name, "fd", False, f"{name} is not a floating-point tensor.")
    analytic = t.grad.detach().to(torch.float64).reshape(-1).clone()
    with _float64(ns, fd) as wide:
        eps = EPS64 if wide else EPS32
        try:
            numeric, idx = _central(t, fd, ns, eps)
        except Exception as error:  # the expression is scenario input
            return CheckResult(name, "fd", False, f"`{fd}` failed while perturbing {name}: {type(error).__name__}: {error}")
    worst = None
    for i, n in zip(idx, numeric):
        a = float(analytic[i])
        err = abs(a - n) - (atol + rtol * abs(n))
        if worst is None or err > worst[0]:
            worst = (err, i, a, n)
    if worst is None:
        return CheckResult(name, "fd", True, f"{name} is empty.")
    err, i, a, n = worst
    precision = "float64" if eps == EPS64 else "float32"
    detail = f"element {i}: gradient {a:.6g}, finite difference {n:.6g} ({len(idx)} elements checked in {precision})"
    return CheckResult(name, "fd", err <= 0, ("matches; worst " if err <= 0 else "differs at ") + detail)


def _central(t: Tensor, fd: str, ns: dict[str, Any], eps: float) -> tuple[list[float], list[int]]:
    n = t.numel()
    step = max(1, n // MAX_ELEMENTS)
    idx = list(range(0, n, step))[:MAX_ELEMENTS]
    code = compile(fd, "<fd>", "eval")
    flat = t.data.view(-1) if t.data.is_contiguous() else None
    if flat is None:
        raise ValueError("the tensor is not contiguous")
    numeric = []
    for i in idx:
        with torch.no_grad():
            orig = flat[i].item()
            flat[i] = orig + eps
            plus = _value(code, ns)
            flat[i] = orig - eps
            minus = _value(code, ns)
            flat[i] = orig
        numeric.append((plus - minus) / (2 * eps))
    return numeric, idx


def _value(code: Any, ns: dict[str, Any]) -> float:
    torch.manual_seed(0)  # dropout or sampling in the loss must not differ between the two sides
    result = eval(code, ns)  # noqa: S307
    return float(result.detach().sum() if isinstance(result, Tensor) else result)


class _float64:
    """Switch the namespace's floating tensors (and module parameters and buffers) to
    float64 while the block runs, if the expression still evaluates; restore after."""

    def __init__(self, ns: dict[str, Any], fd: str) -> None:
        self.ns = ns
        self.fd = fd
        self.saved: list[tuple[Tensor, Tensor]] = []

    def __enter__(self) -> bool:
        with torch.no_grad():
            for t in _floating(self.ns):
                self.saved.append((t, t.data))
                t.data = t.data.to(torch.float64)
        try:
            with torch.no_grad():
                value = eval(compile(self.fd, "<fd>", "eval"), self.ns)  # noqa: S307
            if isinstance(value, Tensor) and value.dtype == torch.float64:
                return True
        except Exception:  # mixed dtypes: fall back to float32
            pass
        self._restore()
        return False

    def __exit__(self, *exc: Any) -> None:
        self._restore()

    def _restore(self) -> None:
        with torch.no_grad():
            for t, data in reversed(self.saved):
                t.data = data
        self.saved.clear()


def _floating(ns: dict[str, Any]) -> Iterator[Tensor]:
    seen: set[int] = set()
    for _, value in naming.user_values(ns):
        items: list[Any] = [value]
        if isinstance(value, (list, tuple)):
            items = list(value)
        elif isinstance(value, dict):
            items = list(value.values())
        for item in items:
            tensors: list[Tensor] = []
            if isinstance(item, Tensor):
                tensors = [item]
            elif isinstance(item, torch.nn.Module):
                tensors = [*item.parameters(), *item.buffers()]
            for t in tensors:
                if id(t) not in seen and t.is_leaf and t.dtype == torch.float32:
                    seen.add(id(t))
                    yield t
