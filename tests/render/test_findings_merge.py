"""Targets that broke the same way are reported once, not once per parameter."""

from __future__ import annotations

from gradrepl.core.report import Finding, GradState, RunReport, VariableInfo
from gradrepl.render.findings import render_report


def _var(name: str, uid: int) -> VariableInfo:
    return VariableInfo(name=name, uid=uid, dtype="float32", shape=[2], requires_grad=True, is_leaf=True, grad=GradState(kind="none"))


def _report(findings: list[Finding]) -> RunReport:
    names = sorted({f.target for f in findings})
    return RunReport(framework="torch", outcome="completed", script="s.py",
                     variables=[_var(n, i) for i, n in enumerate(names)], findings=findings)


def _cleared(target: str, line: int = 12) -> Finding:
    return Finding(target=target, symptom="grad_none", cause="grads_cleared", line=line, confidence=0.9, op="SGD.zero_grad")


def test_parameters_cleared_at_one_line_share_one_block() -> None:
    text = render_report(_report([_cleared("fc.weight"), _cleared("fc.bias")]))
    assert "fc.weight, fc.bias: gradient is None" in text
    assert text.count("cause:") == 1


def test_a_different_line_keeps_its_own_block() -> None:
    text = render_report(_report([_cleared("fc.weight"), _cleared("fc.bias", line=14)]))
    assert text.count("cause:") == 2
    assert "fc.weight: gradient is None" in text and "fc.bias: gradient is None" in text


def test_a_target_with_other_candidates_is_not_folded_into_another() -> None:
    other = Finding(target="fc.bias", symptom="grad_none", cause="detach", line=9, confidence=0.3)
    text = render_report(_report([_cleared("fc.weight"), _cleared("fc.bias"), other]))
    assert text.count("cause:") == 2
    assert "also possible" in text
