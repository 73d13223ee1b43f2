"""``gradrepl why`` on real torch and TensorFlow scripts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gradrepl.faces.why import diagnose_script, report_dict
from gradrepl.render.findings import render_report

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "tests" / "fixtures" / "scenarios" / "good"


def _top(document: dict[str, Any], target: str) -> dict[str, Any]:
    return next(f for f in document["findings"] if f["target"] == target)


@pytest.mark.torch
def test_torch_detach_is_named_with_its_line(real_runner: Any) -> None:
    script = GOOD / "detach-mini" / "starter_torch.py"
    report, source = diagnose_script(str(script), runner=real_runner)
    document = report_dict(report)
    assert document["framework"] == "torch" and document["outcome"] == "completed"
    x = _top(document, "x")
    assert (x["symptom"], x["cause"], x["line"]) == ("grad_none", "detach", 7)
    assert x["explanation"] and x["fix"]
    assert _top(document, "w")["cause"] == "none"
    text = render_report(report, source=source)
    assert "→ 7 │ loss = (y.detach() * w).sum()" in text


@pytest.mark.tf
def test_tf_stop_gradient_is_named(real_runner: Any) -> None:
    script = GOOD / "detach-mini" / "starter_tf.py"
    report, _ = diagnose_script(str(script), targets=["x", "w"], runner=real_runner)
    document = report_dict(report)
    assert document["framework"] == "tensorflow"
    assert (_top(document, "x")["symptom"], _top(document, "x")["cause"]) == ("grad_none", "stop_gradient")
    assert _top(document, "w")["symptom"] == "ok"


@pytest.mark.torch
def test_a_script_that_raises_is_diagnosed_with_its_error(real_runner: Any) -> None:
    script = GOOD / "nograd-mini" / "starter_torch.py"
    report, _ = diagnose_script(str(script), runner=real_runner)
    document = report_dict(report)
    assert document["outcome"] == "raised"
    assert document["error"]["type"] == "RuntimeError" and document["error"]["line"] == 7
    assert _top(document, "w")["symptom"] == "error"
