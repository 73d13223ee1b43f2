"""The scenario judge on hand-built reports: which rows pass, and what the messages say."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from gradrepl.core.checks import judge_content, judge_solution, judge_starter, solution_requests
from gradrepl.core.report import CheckResult, ErrorInfo, Finding, GradState, RunReport, VariableInfo
from gradrepl.core.scenario import load_scenario

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "good" / "detach-mini"


@pytest.fixture(scope="module")
def spec():  # type: ignore[no-untyped-def]
    return load_scenario(FIXTURE).spec("torch")


def _var(name: str, kind: str, sample: list[float] | None = None) -> VariableInfo:
    grad = GradState(kind=kind, sample=sample or [])  # type: ignore[arg-type]
    return VariableInfo(name=name, uid=hash(name) % 1000, dtype="float32", shape=[3], requires_grad=True, is_leaf=True, grad=grad)


def _finding(target: str, cause: str, line: int | None = None, confidence: float = 0.9) -> Finding:
    symptom = "ok" if cause == "none" else "grad_none"
    return Finding(target=target, symptom=symptom, cause=cause, line=line, confidence=confidence)  # type: ignore[arg-type]


def _starter(x_kind: str = "none", cause: str = "detach", line: int | None = 7) -> RunReport:
    return RunReport(
        framework="torch",
        outcome="completed",
        variables=[_var("x", x_kind), _var("w", "finite", [2.0, 4.0, 6.0])],
        findings=[_finding("x", cause, line), _finding("w", "none", confidence=1.0), _finding("x", "no_grad_context", 3, 0.2)],
    )


def _solution(x_sample: list[float] | None = None, fd_passed: bool = True) -> RunReport:
    return RunReport(
        framework="torch",
        outcome="completed",
        variables=[_var("x", "finite", x_sample or [1.0, -2.0, 4.0]), _var("w", "finite", [2.0, 4.0, 6.0])],
        findings=[_finding("x", "none", confidence=1.0), _finding("w", "none", confidence=1.0)],
        checks=[CheckResult(target="x", check="fd", passed=fd_passed, message="max abs difference 1e-3")],
    )


def test_starter_matching_every_row_passes(spec) -> None:  # type: ignore[no-untyped-def]
    verdicts = judge_starter(spec, _starter())
    assert [v.check for v in verdicts] == ["symptom", "cause", "line", "symptom", "cause"]
    assert all(v.passed for v in verdicts)


def test_starter_wrong_symptom_cause_and_line(spec) -> None:  # type: ignore[no-untyped-def]
    verdicts = judge_starter(spec, _starter(x_kind="finite", cause="numpy_roundtrip", line=6))
    failed = {v.check: v.message for v in verdicts if not v.passed}
    assert failed["symptom"] == "starter_torch.py: expected x to show grad_none, it showed ok"
    assert failed["cause"] == "starter_torch.py: expected the diagnosis of x to name detach, it named numpy_roundtrip (line 6)"
    assert failed["line"] == "starter_torch.py: expected the diagnosis of x to point at line 7, it pointed at line 6"


def test_starter_target_missing_names_the_reason(spec) -> None:  # type: ignore[no-untyped-def]
    report = _starter()
    report.variables = report.variables[1:]
    report.target_errors = {"x": "NameError: name 'x' is not defined"}
    (first, *_) = judge_starter(spec, report)
    assert not first.passed and "target x did not evaluate: NameError" in first.message


def test_starter_timeout_fails_once(spec) -> None:  # type: ignore[no-untyped-def]
    report = RunReport(framework="torch", outcome="timeout", error=ErrorInfo("Timeout", "killed after 10 s"))
    (only,) = judge_starter(spec, report)
    assert not only.passed and only.message == "starter_torch.py: the run did not finish (timeout): killed after 10 s"


def test_error_symptom_when_the_run_raised(spec) -> None:  # type: ignore[no-untyped-def]
    report = _starter()
    report.outcome = "raised"
    report.error = ErrorInfo("RuntimeError", "element 0 of tensors does not require grad", line=8)
    verdicts = judge_starter(spec, report)
    assert verdicts[0].message.endswith("it showed error")


def test_solution_passes_and_requests_fd(spec) -> None:  # type: ignore[no-untyped-def]
    assert solution_requests(spec) == [{"target": "x", "fd": "(x * 2 * w).sum()", "rtol": 1e-5, "atol": 1e-6}]
    verdicts = judge_solution(spec, _solution())
    assert all(v.passed for v in verdicts), [v.message for v in verdicts if not v.passed]
    assert {v.check for v in verdicts} == {"present", "finite", "nonzero", "values", "fd", "diagnosis"}


def test_solution_values_outside_tolerance(spec) -> None:  # type: ignore[no-untyped-def]
    verdicts = judge_solution(spec, _solution(x_sample=[1.0, -2.0, 4.001]))
    (bad,) = [v for v in verdicts if not v.passed]
    assert bad.message == "solution_torch.py: x's gradient starts [1, -2, 4.001], expected [1, -2, 4] (rtol 1e-05, atol 1e-06)"


def test_solution_too_few_values_fd_failure_and_diagnosis(spec) -> None:  # type: ignore[no-untyped-def]
    report = _solution(x_sample=[1.0], fd_passed=False)
    report.findings[1] = _finding("w", "unused_parameter", 5)
    failed = {v.check: v.message for v in judge_solution(spec, report) if not v.passed}
    assert failed["values"] == "solution_torch.py: x's gradient has 1 values to compare, the check lists 3"
    assert failed["fd"].endswith("for x: max abs difference 1e-3")
    assert failed["diagnosis"] == "solution_torch.py: expected no diagnosis for w, it named unused_parameter (line 5)"


def test_solution_grad_properties_fail_with_what_was_seen(spec) -> None:  # type: ignore[no-untyped-def]
    report = _solution()
    report.variables[0] = _var("x", "zero", [0.0, 0.0, 0.0])
    failed = [v.message for v in judge_solution(spec, report) if not v.passed and v.check == "nonzero"]
    assert failed == ["solution_torch.py: x's gradient should be non-zero, it is a gradient of all zeros"]


def test_solution_that_raises_is_one_failure(spec) -> None:  # type: ignore[no-untyped-def]
    report = RunReport(framework="torch", outcome="raised", error=ErrorInfo("ValueError", "bad", line=4))
    (only,) = judge_solution(spec, report)
    assert only.message == "solution_torch.py raised ValueError: bad at line 4"


def test_module_targets_judge_every_member(spec) -> None:  # type: ignore[no-untyped-def]
    spec = replace(spec, expect=(replace(spec.expect[0], target="model", line=None),))
    report = RunReport(
        framework="torch",
        outcome="completed",
        variables=[_var("model.a", "none"), _var("model.b", "finite", [1.0])],
        findings=[_finding("model.a", "detach")],
    )
    verdicts = judge_starter(spec, report)
    assert verdicts[0].message.endswith("it showed grad_none")
    assert [v.passed for v in verdicts] == [True, True]


def test_content_hints_and_documents() -> None:
    scenario = load_scenario(FIXTURE)
    assert all(v.passed for v in judge_content(scenario))
    hints = replace(scenario.specs[0].hints, location=" ")
    claim = replace(scenario.claims[0], document="Some blog post")
    broken = replace(scenario, specs=(replace(scenario.specs[0], hints=hints),), claims=(claim,))
    failed = [v.message for v in judge_content(broken) if not v.passed]
    assert failed[0] == "scenario.toml: the location hint for torch is empty"
    assert failed[1].startswith("scenario.toml: unknown source document 'Some blog post'")


def test_a_fine_member_does_not_outvote_a_broken_one(spec) -> None:  # type: ignore[no-untyped-def]
    starter = replace(spec, expect=(replace(spec.expect[0], target="model", line=None),))
    report = RunReport(
        framework="torch",
        outcome="completed",
        variables=[_var("model.a", "finite", [1.0]), _var("model.b", "none")],
        findings=[_finding("model.a", "none", confidence=1.0), _finding("model.b", "detach", confidence=0.9)],
    )
    assert [v.passed for v in judge_starter(starter, report)] == [True, True]
    solution = replace(spec, targets=("model",), check=())
    (clean,) = judge_solution(solution, report)
    assert clean.message == "solution_torch.py: expected no diagnosis for model.b, it named detach"
