"""The checker's text, JSON and JUnit outputs and its exit codes, on hand-built results."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from gradrepl.core.checks import PhaseResult, Verdict
from gradrepl.errors import GradreplError
from gradrepl.faces.check_formats import CheckRun, Skipped, to_json, to_junit, to_text


def _result(scenario: str, phase: str, *failures: str, framework: str = "torch") -> PhaseResult:
    verdicts = tuple(Verdict("x", "symptom", False, m) for m in failures) or (Verdict("x", "symptom", True, "fine"),)
    return PhaseResult(scenario, framework, phase, f"{phase}_torch.py", verdicts, duration_ms=12.5, output="printed")


def _run(*results: PhaseResult, errors: list[GradreplError] | None = None) -> CheckRun:
    return CheckRun(results=list(results), errors=errors or [], duration_s=1.25)


def test_exit_codes() -> None:
    assert _run(_result("a", "starter")).exit_code == 0
    assert _run(_result("a", "starter", "bad")).exit_code == 1
    broken = GradreplError("unknown key 'x'", path="s/scenario.toml", line=3)
    assert _run(_result("a", "starter", "bad"), errors=[broken]).exit_code == 2


def test_text_lists_failures_under_their_scenario() -> None:
    run = _run(_result("a", "starter"), _result("a", "solution", "solution_torch.py: x's gradient should be present"))
    run.skipped.append(Skipped("b", "tensorflow", "tensorflow is not installed"))
    run.errors.append(GradreplError("unknown key 'x'", path="s/scenario.toml", line=3))
    lines = to_text(run).splitlines()
    assert lines[0] == "FAIL a [torch]  starter, solution"
    assert lines[1] == "       solution_torch.py: x's gradient should be present"
    assert lines[2] == "skip b [tensorflow]  tensorflow is not installed"
    assert lines[3] == "BAD  s/scenario.toml:3: unknown key 'x'"
    assert lines[-1] == "1 scenario: 1 of 2 checks passed, 1 failed, 1 skipped; 1 file could not be loaded (1.2 s)"
    assert "\x1b[" not in "".join(lines)
    assert "\x1b[" in to_text(run, color=True)


def test_json_has_every_result_and_error() -> None:
    error = GradreplError("bad", path="p/scenario.toml", line=7)
    document = json.loads(to_json(_run(_result("a", "starter", "m1", "m2"), errors=[error])))
    assert document["passed"] is False and document["exit_code"] == 2
    (result,) = document["results"]
    assert result["failures"] == ["m1", "m2"] and result["framework"] == "torch" and result["phase"] == "starter"
    assert [c["passed"] for c in result["checks"]] == [False, False]
    assert document["errors"] == [{"path": "p/scenario.toml", "line": 7, "message": "bad"}]


def test_junit_has_a_testcase_per_scenario_framework_phase() -> None:
    run = _run(_result("a", "starter"), _result("a", "solution", "first", "second"), _result("a", "content", framework=""))
    run.errors.append(GradreplError("bad", path="p/scenario.toml", line=7))
    root = ET.fromstring(to_junit(run))
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "1", "1")
    cases = [(c.get("classname"), c.get("name")) for c in suite.iter("testcase")]
    assert cases == [
        ("scenarios.a.torch", "starter"),
        ("scenarios.a.torch", "solution"),
        ("scenarios.a", "content"),
        ("gradrepl.content", "p/scenario.toml"),
    ]
    failure = suite.findall("testcase")[1].find("failure")
    assert failure is not None and failure.get("message") == "first" and failure.text == "first\nsecond"
    assert suite.findall("testcase")[1].findtext("system-out") == "printed"
    error = suite.findall("testcase")[3].find("error")
    assert error is not None and error.get("message") == "p/scenario.toml:7: bad"
