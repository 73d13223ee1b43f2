"""``gradrepl check lessons/`` honours ``-k`` and ``--framework`` as it does for scenarios."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest
from gradrepl.faces.check import check_paths
from gradrepl.faces.check_formats import to_text

ROOT = Path(__file__).resolve().parents[2]
LESSONS = ROOT / "lessons"


class Counting:
    """Passes every call to ``runner`` and keeps the frameworks it ran on."""

    def __init__(self, runner: Any) -> None:
        self.runner = runner
        self.frameworks: list[str] = []

    def run(self, framework: str, request: RunRequest) -> RunReport:
        self.frameworks.append(framework)
        return self.runner.run(framework, request)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.runner, name)


@pytest.mark.torch
def test_k_keeps_lessons_by_their_id_or_the_ids_of_their_scenarios(real_runner: Any) -> None:
    check = check_paths([str(LESSONS)], pattern="backward-basics", runner=real_runner)
    assert [r.scenario for r in check.results] == ["01-backward-basics"], to_text(check)
    check = check_paths([str(LESSONS)], pattern="get-grads-before", runner=real_runner)
    assert [r.scenario for r in check.results] == ["01-backward-basics"], to_text(check)
    assert check.exit_code == 0, to_text(check)


@pytest.mark.torch
@pytest.mark.tf
@pytest.mark.parametrize(("only", "other"), [("torch", "tensorflow"), ("tensorflow", "torch")])
def test_framework_plays_only_that_frameworks_steps(real_runner: Any, only: str, other: str) -> None:
    counting = Counting(real_runner)
    check = check_paths([str(LESSONS / "10-dtypes")], framework=only, runner=counting)
    assert check.exit_code == 0, to_text(check)
    assert set(counting.frameworks) == {only}
    (result,) = check.results
    assert {v.check for v in result.verdicts} >= {"run", "expect"}
    (note,) = [v for v in result.verdicts if v.check == "framework"]
    assert note.passed and f"not played (--framework {only})" in note.message
