"""Provides the value checks that find where a derivative is infinite or undefined."""

from __future__ import annotations

from typing import Any

import torch

Tensor = torch.Tensor


def singular_condition(name: str, args: tuple[Any, ...]) -> str:
    """Which singular point an input sits at, or ''."""
    try:
        with torch.no_grad():
            return _singular_check(name, args)
    except Exception:  # a check must never break the user's run
        return ""


def _singular_check(name: str, args: tuple[Any, ...]) -> str:
    first = args[0] if args else None
    second = args[1] if len(args) > 1 else None
    if name in ("sqrt", "rsqrt") and isinstance(first, Tensor) and bool((first <= 0).any()):
        return "sqrt of a value <= 0"
    if name.startswith("log") and isinstance(first, Tensor) and bool((first <= 0).any()):
        return "log of a value <= 0"
    if name in ("div", "divide", "true_divide", "__truediv__") and isinstance(second, Tensor) and bool((second == 0).any()):
        return "division by zero"
    if name in ("__rtruediv__", "__rdiv__", "reciprocal") and isinstance(first, Tensor) and bool((first == 0).any()):
        return "division by zero"
    if name in ("pow", "__pow__", "float_power") and isinstance(first, Tensor) and isinstance(second, (int, float)):
        if 0 < second < 1 and bool((first <= 0).any()):
            return f"power {second} of a value <= 0"
        if second < 0 and bool((first == 0).any()):
            return f"power {second} of zero"
    if name in ("acos", "asin", "arccos", "arcsin", "atanh", "arctanh") and isinstance(first, Tensor):
        if bool((first.abs() >= 1).any()):
            return f"{name} of a value with |x| >= 1"
    if name == "cdist" and isinstance(first, Tensor) and isinstance(second, Tensor):
        if bool((torch.cdist(first, second) == 0).any()):
            return "distance of zero"
    return ""


def branch_nonfinite(name: str, args: tuple[Any, ...]) -> bool:
    try:
        values = args[1:3] if name == "where" else args[:1]
        return any(isinstance(v, Tensor) and v.is_floating_point() and not bool(torch.isfinite(v).all()) for v in values)
    except Exception:
        return False
