"""Tests the one-line gradient summaries every face shows."""

from __future__ import annotations

from gradrepl.core.grad_text import describe_grad, grad_tone
from gradrepl.core.report import GradState


def test_each_kind_of_gradient_reads_plainly() -> None:
    assert describe_grad(GradState("none")) == "None"
    assert describe_grad(GradState("zero", shape=[2, 3])) == "0 (2x3)"
    assert describe_grad(GradState("nonfinite", shape=[4], nan_count=2)) == "NaN in 2 of 4"
    assert describe_grad(GradState("nonfinite", shape=[4], nan_count=1, inf_count=1)) == "NaN in 1 of 4, inf in 1 of 4"
    assert describe_grad(GradState("finite", shape=[1], sample=[-3.0])) == "-3"
    assert describe_grad(GradState("finite", shape=[3], norm=1.25, sample=[1.0, 0.5, 0.5])) == "norm 1.25 (3)"


def test_tones_separate_missing_zero_nan_and_fine() -> None:
    kinds = ("none", "zero", "nonfinite", "finite")
    assert [grad_tone(GradState(k)) for k in kinds] == ["none", "zero", "nan", "ok"]  # type: ignore[arg-type]
