"""A run that was stopped (timeout, memory limit, crash, cancel) still gets one finding per target."""

from __future__ import annotations

import pytest

from gradrepl.core.report import ErrorInfo, GradState, RunReport, VariableInfo
from gradrepl.diagnosis.engine import diagnose


def _stopped(framework: str, outcome: str, targets: list[str] | None, line: int | None = 7) -> RunReport:
    error = ErrorInfo("Timeout", "the script did not finish within 1 s and was stopped", line)
    return RunReport(framework=framework, outcome=outcome, script="train.py", error=error, targets=targets)  # type: ignore[arg-type]


@pytest.mark.parametrize("framework", ["torch", "tensorflow", "fake"])
@pytest.mark.parametrize("outcome", ["timeout", "crashed", "cancelled"])
def test_each_requested_target_gets_run_incomplete_at_the_stopping_line(framework: str, outcome: str) -> None:
    findings = diagnose(_stopped(framework, outcome, ["w", "model.fc.weight"]))
    assert [(f.target, f.symptom, f.cause, f.line, f.confidence) for f in findings] == [
        ("w", "error", "run_incomplete", 7, 1.0),
        ("model.fc.weight", "error", "run_incomplete", 7, 1.0),
    ]
    assert findings[0].explanation.startswith("The run was stopped at line 7 before it finished (Timeout: ")
    assert findings[0].fix


def test_without_targets_the_finding_is_about_the_script_and_a_missing_line_stays_missing() -> None:
    (finding,) = diagnose(_stopped("torch", "crashed", None, line=None))
    assert (finding.target, finding.cause, finding.line) == ("<script>", "run_incomplete", None)
    assert finding.explanation.startswith("The run was stopped before it finished")


def test_runs_that_finished_get_no_such_finding() -> None:
    grad = GradState(kind="finite", sample=[1.0])
    var = VariableInfo(name="x", uid=1, dtype="float32", shape=[1], requires_grad=True, is_leaf=True, grad=grad)
    for outcome in ("completed", "raised"):
        report = RunReport(framework="fake", outcome=outcome, variables=[var], targets=["x"],  # type: ignore[arg-type]
                           error=ErrorInfo("ValueError", "bad", 3) if outcome == "raised" else None)
        assert [f.cause for f in diagnose(report)] == ["none"]


def test_a_cancelled_run_that_answered_keeps_its_variable_findings_below() -> None:
    grad = GradState(kind="finite", sample=[1.0])
    var = VariableInfo(name="x", uid=1, dtype="float32", shape=[1], requires_grad=True, is_leaf=True, grad=grad)
    report = _stopped("fake", "cancelled", ["x"])
    report.variables = [var]
    findings = diagnose(report)
    assert [(f.target, f.cause) for f in findings] == [("x", "run_incomplete"), ("x", "none")]
