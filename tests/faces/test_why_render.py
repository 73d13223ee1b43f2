"""Text rendering of findings and reports (plain and highlighted), and the JSON shape."""

from __future__ import annotations

import re

from gradrepl.core.report import ErrorInfo, Finding, RunReport
from gradrepl.faces.why import report_dict
from gradrepl.render.code import excerpt
from gradrepl.render.findings import cause_title, render_report

SOURCE = "import torch\n\nx = torch.ones(3, requires_grad=True)\ny = x * 2\nz = y.detach()\nloss = (z * 3).sum()\n"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _report() -> RunReport:
    return RunReport(
        framework="torch",
        outcome="completed",
        script="demo.py",
        duration_ms=12.0,
        findings=[
            Finding("y", "ok", "none", confidence=1.0),
            Finding("x", "grad_none", "detach", line=5, confidence=0.95, explanation="x reaches the loss only through z.", fix="Use y."),
            Finding("x", "grad_none", "no_grad_context", line=None, confidence=0.1),
        ],
    )


def test_excerpt_marks_the_line_and_numbers_the_context() -> None:
    text = excerpt(SOURCE, 5, context=1)
    assert text.splitlines() == ["    4 │ y = x * 2", "  → 5 │ z = y.detach()", "    6 │ loss = (z * 3).sum()"]
    assert excerpt(SOURCE, 99) == ""


def test_highlighted_excerpt_has_the_same_text() -> None:
    plain = excerpt(SOURCE, 3)
    colored = excerpt(SOURCE, 3, color=True)
    assert colored != plain and ANSI.sub("", colored) == plain


def test_report_text_shows_cause_code_why_and_fix() -> None:
    text = render_report(_report(), source=SOURCE)
    assert text.startswith("demo.py: torch, ran to the end in 12 ms\n")
    block = text.split("\n\n")[1]
    assert block.splitlines()[0] == "x: gradient is None"
    assert f"cause: {cause_title('detach')} [detach, confidence 0.95]" in block
    assert "at demo.py:5" in block and "→ 5 │ z = y.detach()" in block
    assert "why: x reaches the loss only through z." in block and "fix: Use y." in block
    assert "also possible: " in block and "[no_grad_context, confidence 0.10]" in block
    assert text.split("\n\n")[2].strip() == "y: gradient is fine"
    assert "\x1b[" not in text


def test_report_text_names_the_error_and_bad_targets() -> None:
    report = _report()
    report.outcome = "raised"
    report.error = ErrorInfo("RuntimeError", "element 0 of tensors does not require grad", line=6)
    report.target_errors = {"w": "NameError: name 'w' is not defined"}
    text = render_report(report, source=SOURCE)
    assert "stopped with an exception" in text
    assert "RuntimeError: element 0 of tensors does not require grad (line 6)" in text
    assert "target w did not evaluate: NameError" in text


def test_json_contract_sorts_by_confidence() -> None:
    report = _report()
    report.error = ErrorInfo("RuntimeError", "boom", line=6, traceback="...")
    document = report_dict(report)
    assert list(document) == ["script", "framework", "outcome", "error", "findings"]
    assert document["error"] == {"type": "RuntimeError", "message": "boom", "line": 6}
    assert [f["cause"] for f in document["findings"]] == ["none", "detach", "no_grad_context"]
    assert set(document["findings"][1]) == {"target", "symptom", "cause", "line", "confidence", "explanation", "fix"}
