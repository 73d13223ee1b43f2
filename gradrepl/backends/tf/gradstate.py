"""Provides GradState summaries of TF gradients (tensors, IndexedSlices or None)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from gradrepl.core.report import GradState

SAMPLE = 8


def summarize(grad: Any) -> GradState:
    """What a gradient looks like, without the tensor itself."""
    if grad is None:
        return GradState(kind="none")
    try:
        arr = _dense(grad)
    except Exception:  # a composite the summary cannot read: present, unknown values
        return GradState(kind="finite")
    shape = [int(d) for d in arr.shape]
    if not np.issubdtype(arr.dtype, np.number):
        return GradState(kind="finite", shape=shape)
    flat = np.abs(arr.ravel()) if np.iscomplexobj(arr) else arr.ravel().astype(np.float64, copy=False)
    finite = np.isfinite(flat)
    nan = int(np.count_nonzero(np.isnan(flat)))
    inf = int(flat.size - np.count_nonzero(finite) - nan)
    good = flat[finite]
    state = GradState(kind="finite", shape=shape, nan_count=nan, inf_count=inf)
    if good.size:
        state.min, state.max = float(good.min()), float(good.max())
    if nan or inf:
        state.kind = "nonfinite"
    else:
        state.norm = float(math.sqrt(float(np.dot(flat, flat)))) if flat.size else 0.0
        if not np.any(flat):
            state.kind = "zero"
    head = flat[:SAMPLE]
    state.sample = [float(x) for x in head] if bool(np.all(np.isfinite(head))) else []
    return state


def _dense(grad: Any) -> np.ndarray:
    import tensorflow as tf

    if isinstance(grad, tf.IndexedSlices):
        grad = tf.convert_to_tensor(grad)
    if hasattr(grad, "numpy"):
        return np.asarray(grad.numpy())
    return np.asarray(grad)
