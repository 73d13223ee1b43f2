"""Provides GradState summaries of gradients (never the tensor itself)."""

from __future__ import annotations

from typing import Any

import torch

from gradrepl.core.report import GradState

SAMPLE = 8


def grad_state(grad: Any) -> GradState:
    """none / zero / finite (with norm, min, max, a sample) / nonfinite (with NaN and Inf counts)."""
    if grad is None:
        return GradState(kind="none")
    with torch.no_grad():
        g = grad.detach()
        if g.is_sparse:
            g = g.to_dense()
        if g.is_complex():
            g = g.abs()
        g = g.to(torch.float64).reshape(-1).cpu()
        shape = list(grad.shape)
        nan = int(torch.isnan(g).sum())
        inf = int(torch.isinf(g).sum())
        if nan or inf:
            # JSON carries no NaN/Inf: the counts say what the values cannot
            return GradState(kind="nonfinite", shape=shape, nan_count=nan, inf_count=inf)
        sample = g[:SAMPLE].tolist()
        if g.numel() == 0 or not bool(g.any()):
            return GradState(kind="zero", shape=shape, norm=0.0, min=0.0, max=0.0, sample=sample)
        return GradState(kind="finite", shape=shape, norm=float(g.norm()), min=float(g.min()), max=float(g.max()), sample=sample)


def dtype_name(t: torch.Tensor) -> str:
    return str(t.dtype).replace("torch.", "")
