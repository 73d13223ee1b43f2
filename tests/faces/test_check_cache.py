"""A check runs each distinct script once: lessons that replay a scenario's script reuse its report."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from gradrepl.core.report import Finding, RunReport
from gradrepl.core.request import RunRequest
from gradrepl.faces.check import check_paths
from gradrepl.faces.check_cache import ReportCache
from gradrepl.faces.check_formats import to_text

ROOT = Path(__file__).resolve().parents[2]


class Counting:
    """Passes every call to ``runner`` and keeps the requests it ran."""

    def __init__(self, runner: Any) -> None:
        self.runner = runner
        self.requests: list[tuple[str, RunRequest]] = []

    def run(self, framework: str, request: RunRequest) -> RunReport:
        self.requests.append((framework, request))
        return self.runner.run(framework, request)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.runner, name)


class Answers:
    """Answers every run with the outcome it is told to give, numbering the runs."""

    def __init__(self, outcome: str = "completed") -> None:
        self.outcome = outcome
        self.count = 0

    def run(self, framework: str, request: RunRequest) -> RunReport:
        self.count += 1
        return RunReport(framework=framework, outcome=self.outcome, script=request.filename, stdout=f"run {self.count}")  # type: ignore[arg-type]


def test_the_same_request_runs_once_and_each_caller_gets_its_own_copy() -> None:
    cache = ReportCache(Answers())
    first = cache.run("torch", RunRequest(code="x = 1", filename="a.py"))
    first.findings.append(Finding("x", "grad_none", "detach"))
    second = cache.run("torch", RunRequest(code="x = 1", filename="a.py"))
    assert (second.stdout, second.findings, cache.hits) == ("run 1", [], 1)
    assert cache.run("tensorflow", RunRequest(code="x = 1", filename="a.py")).stdout == "run 2"
    assert cache.run("torch", RunRequest(code="x = 1", filename="a.py", checks=[{"target": "x", "fd": "f()"}])).stdout == "run 3"
    assert cache.run("torch", RunRequest(code="x = 2", filename="a.py")).stdout == "run 4"


def test_sessions_and_unfinished_runs_are_never_answered_from_memory() -> None:
    cache = ReportCache(Answers())
    cache.run("torch", RunRequest(code="x = 1", session="repl"))
    assert cache.run("torch", RunRequest(code="x = 1", session="repl")).stdout == "run 2"
    cache = ReportCache(Answers("timeout"))
    cache.run("torch", RunRequest(code="while True: pass"))
    assert cache.run("torch", RunRequest(code="while True: pass")).stdout == "run 2"


@pytest.mark.torch
@pytest.mark.tf
def test_a_lesson_does_not_rerun_the_scripts_its_scenarios_ran(real_runner: Any) -> None:
    counting = Counting(real_runner)
    paths = [str(ROOT / "scenarios" / "get-grads-before-backward"), str(ROOT / "lessons" / "01-backward-basics")]
    check = check_paths(paths, runner=counting)
    assert check.exit_code == 0, to_text(check)
    keys = [(fw, json.dumps(dataclasses.asdict(r), sort_keys=True)) for fw, r in counting.requests]
    assert len(keys) == len(set(keys)), "a request was sent to the workers twice"
    # the scenario's torch starter and solution, then the lesson's edited starter (its plain starter is reused)
    assert [Path(r.filename).name for fw, r in counting.requests if fw == "torch"] == [
        "starter_torch.py", "solution_torch.py", "starter_torch.py"]
