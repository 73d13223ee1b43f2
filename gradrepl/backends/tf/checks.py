"""Provides finite-difference checks of TF gradients for scenario solutions.

For ``{"target": "w", "fd": "loss_fn()"}`` the gradient of ``loss_fn()`` with
respect to ``w`` is taken with a fresh tape and compared with a central
difference: each checked element is perturbed with ``assign`` and restored.
At most ``MAX_ELEMENTS`` elements are checked (evenly spread); a check may ask
for fewer or more with an ``"elements"`` key.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from gradrepl.backends.tf.patches import source_ref
from gradrepl.core.report import CheckResult

MAX_ELEMENTS = 12


def run_checks(ns: dict[str, Any], checks: list[dict[str, Any]]) -> list[CheckResult]:
    out = []
    for item in checks:
        if "fd" not in item or "target" not in item:
            continue
        target = str(item["target"])
        try:
            out.append(_fd_check(ns, target, str(item["fd"]), item))
        except Exception as error:  # the user's loss expression failed: report it, don't crash
            out.append(CheckResult(target, "fd", False, f"The check of {target} failed: {type(error).__name__}: {error}."))
    return out


def _fd_check(ns: dict[str, Any], target: str, expr: str, item: dict[str, Any]) -> CheckResult:
    import tensorflow as tf

    ref = source_ref(eval(target, ns))  # noqa: S307 - the scenario's own expression
    var = ref.obj.value if ref.kind == "keras_variable" else ref.obj
    if ref.kind not in ("variable", "keras_variable"):
        return CheckResult(target, "fd", False, f"{target} is not a tf.Variable, so it cannot be perturbed.")
    with tf.GradientTape() as tape:
        loss = eval(expr, ns)  # noqa: S307
    grad = tape.gradient(loss, var)
    if grad is None:
        return CheckResult(target, "fd", False, f"{expr} gives no gradient for {target} with a fresh tape.")
    analytic = np.asarray(tf.convert_to_tensor(grad).numpy(), dtype=np.float64).ravel()
    wide = var.dtype != tf.float64
    rtol = float(item.get("rtol", 1e-2 if wide else 1e-5))
    atol = float(item.get("atol", 1e-3 if wide else 1e-7))
    limit = int(item.get("elements", MAX_ELEMENTS))
    numeric, idx = _central_difference(var, lambda: float(eval(expr, ns)), analytic, limit, (rtol, atol))  # noqa: S307
    ok = bool(np.allclose(analytic[idx], numeric, rtol=rtol, atol=atol))
    worst = float(np.max(np.abs(analytic[idx] - numeric))) if idx.size else 0.0
    message = f"{idx.size} element(s) checked; largest difference {worst:.3g} (rtol={rtol:g}, atol={atol:g})."
    return CheckResult(target, "fd", ok, message)


def _central_difference(
    var: Any, f: Any, analytic: np.ndarray, limit: int, tol: tuple[float, float]
) -> tuple[np.ndarray, np.ndarray]:
    """Central differences at evenly spread elements.

    float32 leaves little room between rounding error (small steps) and kinks
    such as ReLU's (large steps): when the first step's estimate is not within
    ``tol`` (rtol, atol) of the analytic gradient a second step is tried and the
    closer estimate is kept; both are honest estimates. Each loss evaluation is
    a whole forward pass, so the second step is only paid where it can matter.
    """
    original = np.array(var.numpy())  # an ndarray even for a scalar variable
    flat = original.ravel()
    count = flat.size
    idx = np.unique(np.linspace(0, count - 1, num=min(count, max(1, limit))).astype(int)) if count else np.array([], int)
    steps = (1e-6,) if original.dtype == np.float64 else (1e-3, 2.5e-4)
    numeric = []
    try:
        for i in idx:
            scale = max(1.0, abs(float(flat[i])))
            estimates: list[float] = []
            for h in steps:
                estimates.append((_at(var, original, i, h * scale, f) - _at(var, original, i, -h * scale, f)) / (2 * h * scale))
                if abs(estimates[-1] - analytic[i]) <= tol[1] + tol[0] * abs(analytic[i]):
                    break
            numeric.append(min(estimates, key=lambda e: abs(e - analytic[i])))
    finally:
        var.assign(original)
    return np.asarray(numeric, dtype=np.float64), idx


def _at(var: Any, original: np.ndarray, i: int, h: float, f: Any) -> float:
    moved = original.copy()
    moved.reshape(-1)[i] += h
    var.assign(moved)
    return f()
