"""Lesson play, verify and list on a tiny content directory, with a scripted runner.

The runner here stands in for the worker processes (it answers from the code it
is sent), so these tests exercise the player's logic: edits, expectations,
first-failure reporting, cross-checks and progress marks. The real frameworks
play real lessons in test_lesson_real.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from gradrepl.core.progress import load_progress
from gradrepl.core.report import ErrorInfo, Finding, GradState, RunReport, VariableInfo
from gradrepl.core.request import RunRequest
from gradrepl.faces import lesson as lesson_face

SCENARIO = """\
format = 1
id = "demo-scn"
title = "A demo scenario"
lesson = "01-demo"
summary = "x gets no gradient until backward runs."
frameworks = ["torch"]

[hints]
concept = "c"
location = "l"
fix = "f"

[torch]
targets = ["x"]
  [[torch.expect]]
  target = "x"
  symptom = "grad_none"
  cause = "backward_not_called"
  [[torch.check]]
  target = "x"
  grad = ["present", "finite", "nonzero"]
"""
STARTER = "import torch\nx = torch.tensor([2.0], requires_grad=True)\nloss = (x * x).sum()\nprint('grad', x.grad)\n"
SOLUTION = STARTER.replace("print", "loss.backward()\nprint")
LESSON = """\
format = 1
id = "01-demo"
title = "Demo"
order = 1
summary = "A demo."
scenarios = ["demo-scn"]

[[steps]]
do = "show"
section = "Start"

[[steps]]
do = "load"
scenario = "demo-scn"

[[steps]]
do = "run"

[[steps]]
do = "expect"
target = "x"
symptom = "grad_none"
cause = "backward_not_called"
output = "grad None"

[[steps]]
do = "edit"
lines = [3, 3]
text = "loss = (x * x).sum()\\nloss.backward()"

[[steps]]
do = "run"

[[steps]]
do = "expect"
target = "x"
symptom = "ok"

[[steps]]
do = "edit"
solution = true

[[steps]]
do = "run"

[[steps]]
do = "expect"
checks = true

[[steps]]
do = "edit"
find = "x * x"
replace = "x.exp()"

[[steps]]
do = "run"

[[steps]]
do = "expect"
error = "RuntimeError"
"""


class ScriptedRunner:
    """Answers like a worker would for the demo scripts: backward present → gradient."""

    def __init__(self) -> None:
        self.requests: list[RunRequest] = []

    def run(self, framework: str, request: RunRequest) -> RunReport:
        self.requests.append(request)
        called = "loss.backward()" in request.code
        grad = GradState("finite", [1], 4.0, 4.0, 4.0, sample=[4.0]) if called else GradState("none")
        report = RunReport(framework, "completed", script=request.filename)
        report.variables = [VariableInfo("x", 1, "float32", [1], True, True, grad)]
        report.stdout = f"grad {'tensor([4.])' if called else 'None'}\n"
        if "exp()" in request.code:
            report.outcome, report.error = "raised", ErrorInfo("RuntimeError", "modified by an inplace operation")
        cause = "none" if called else "backward_not_called"
        report.findings = [Finding("x", "ok" if called else "grad_none", cause, confidence=0.9)]
        return report


def make_content(root: Path, lesson: str = LESSON) -> Path:
    scenario = root / "scenarios" / "demo-scn"
    scenario.mkdir(parents=True)
    (scenario / "scenario.toml").write_text(SCENARIO)
    (scenario / "starter_torch.py").write_text(STARTER)
    (scenario / "solution_torch.py").write_text(SOLUTION)
    directory = root / "lessons" / "01-demo"
    directory.mkdir(parents=True)
    (directory / "lesson.toml").write_text(lesson)
    (directory / "lesson.md").write_text("# Demo\n\n## Start\n\nThe demo begins.\n")
    return root


def test_verify_plays_every_step(tmp_path: Path) -> None:
    root = make_content(tmp_path)
    runner = ScriptedRunner()
    (result,) = lesson_face.verify_lessons([root / "lessons"], runner=runner)
    assert result.passed, [v.message for v in result.failures]
    assert (result.scenario, result.phase) == ("01-demo", "lesson")
    kinds = ["show", "load", "run", "expect", "edit", "run", "expect", "edit", "run", "expect", "edit", "run", "expect"]
    assert [v.check for v in result.verdicts] == kinds
    # the line edit put backward() after line 3; the filename is the starter's, so lines map
    assert "loss.backward()\nprint" in runner.requests[1].code
    assert runner.requests[0].filename.endswith("starter_torch.py")
    assert runner.requests[0].targets == ["x"]
    # only the unchanged solution is run with the scenario's framework-side checks
    assert runner.requests[2].filename.endswith("solution_torch.py")
    assert runner.requests[3].filename.endswith("starter_torch.py")  # edited, so no longer the solution


def test_first_failing_step_is_named_with_its_line(tmp_path: Path) -> None:
    root = make_content(tmp_path, LESSON.replace('symptom = "grad_none"', 'symptom = "grad_nan"'))
    (result,) = lesson_face.verify_lessons([root / "lessons"], runner=ScriptedRunner())
    assert not result.passed
    (failure,) = result.failures
    assert "lesson.toml:19: step 4" in failure.message
    assert "expected x to show grad_nan, it showed grad_none" in failure.message
    assert len(result.verdicts) == 4  # playing stops at the first failure


def test_a_snippet_that_is_not_in_the_code_fails_the_edit(tmp_path: Path) -> None:
    root = make_content(tmp_path, LESSON.replace('find = "x * x"', 'find = "x * y"'))
    (result,) = lesson_face.verify_lessons([root / "lessons"], runner=ScriptedRunner())
    assert "'x * y' does not occur in the code" in result.failures[0].message


def test_cross_checks_scenarios_without_playing(tmp_path: Path) -> None:
    root = make_content(tmp_path, LESSON.replace('scenarios = ["demo-scn"]', 'scenarios = ["demo-scn", "ghost"]'))
    (result,) = lesson_face.verify_lessons([root / "lessons"], play=False)
    messages = [v.message for v in result.failures]
    assert any("'ghost' is listed but" in m for m in messages)
    other = root / "scenarios" / "other"
    other.mkdir()
    (other / "scenario.toml").write_text(SCENARIO.replace('id = "demo-scn"', 'id = "other"'))
    (other / "starter_torch.py").write_text(STARTER)
    (other / "solution_torch.py").write_text(SOLUTION)
    (result,) = lesson_face.verify_lessons([root / "lessons" / "01-demo"], play=False)
    assert any("'other' says lesson = '01-demo' but is not in 'scenarios'" in v.message for v in result.failures)


def test_a_broken_lesson_is_one_failed_result(tmp_path: Path) -> None:
    root = make_content(tmp_path, LESSON.replace("order = 1", "order = one"))
    (result,) = lesson_face.verify_lessons([root / "lessons"], play=False)
    assert not result.passed and "invalid TOML" in result.failures[0].message and "lesson.toml:4" in result.failures[0].message


def test_list_shows_progress_marks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_content(tmp_path / "content")
    monkeypatch.setenv("GRADREPL_STATE_DIR", str(tmp_path / "state"))
    args = argparse.Namespace(content=str(root))
    assert lesson_face.run_list(args) == 0
    first = capsys.readouterr().out
    assert "· 01-demo" in first and "· demo-scn" in first and "0 of 1 scenarios solved" in first
    progress = load_progress()
    progress.mark_solved("demo-scn", "torch")
    progress.current_lesson = "01-demo"
    progress.save()
    assert lesson_face.run_list(args) == 0
    out = capsys.readouterr().out
    assert "▸ ✓ 01-demo" in out and "✓ demo-scn" in out and "1 of 1 scenarios solved" in out


def test_list_survives_a_corrupt_progress_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_content(tmp_path / "content")
    state = tmp_path / "state"
    state.mkdir()
    (state / "progress.json").write_text("{ this is not json")
    monkeypatch.setenv("GRADREPL_STATE_DIR", str(state))
    assert lesson_face.run_list(argparse.Namespace(content=str(root))) == 0
    captured = capsys.readouterr()
    assert "progress was not loaded" in captured.err and "progress.json.corrupt-" in captured.err
    assert "01-demo" in captured.out
    assert lesson_face.run_list(argparse.Namespace(content=str(root))) == 0
    assert "progress was not loaded" not in capsys.readouterr().err  # reported once


def test_shipped_lessons_load_and_match_their_scenarios() -> None:
    root = Path(__file__).resolve().parents[2]
    results = lesson_face.verify_lessons([root / "lessons"], play=False)
    assert results, "the course has lessons"
    for result in results:
        assert result.passed, [v.message for v in result.failures]
    ids = [r.scenario for r in results]
    assert ids == [
        "01-backward-basics", "02-leaves-and-retain-grad", "03-requires-grad-and-watching",
        "04-cutting-the-graph", "05-recording-off", "06-leaving-the-framework",
        "07-non-differentiable-ops", "08-where-and-nan", "09-inplace", "10-dtypes",
        "11-training-loop", "12-higher-order", "13-keras",
    ]
