"""``gradrepl check`` over the fixture scenarios with real torch and TensorFlow workers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from gradrepl.faces.check import check_paths
from gradrepl.faces.check_formats import to_text

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "scenarios"


@pytest.mark.torch
@pytest.mark.tf
def test_good_fixtures_pass_in_both_frameworks(real_runner: Any) -> None:
    check = check_paths([str(FIXTURES / "good")], runner=real_runner)
    assert check.exit_code == 0, to_text(check)
    assert [(r.scenario, r.framework, r.phase) for r in check.results] == [
        ("detach-mini", "", "content"),
        ("detach-mini", "torch", "starter"),
        ("detach-mini", "torch", "solution"),
        ("detach-mini", "tensorflow", "starter"),
        ("detach-mini", "tensorflow", "solution"),
        ("nograd-mini", "", "content"),
        ("nograd-mini", "torch", "starter"),
        ("nograd-mini", "torch", "solution"),
    ]
    solution = check.results[2]
    assert {v.check for v in solution.verdicts} >= {"values", "fd", "diagnosis"}


@pytest.mark.torch
def test_failing_fixture_exits_1_and_says_what_differs(real_runner: Any) -> None:
    check = check_paths([str(FIXTURES / "failing")], runner=real_runner)
    assert check.exit_code == 1
    messages = [v.message for r in check.failed for v in r.failures]
    assert "starter_torch.py: expected x to show grad_zero, it showed grad_none" in messages
    assert any(m.startswith("starter_torch.py: expected the diagnosis of x to name non_differentiable_op, it named ") for m in messages)
    assert "solution_torch.py: x's gradient starts [1, -2, 4], expected [1, 2, 4] (rtol 1e-05, atol 1e-06)" in messages


@pytest.mark.tf
def test_framework_filter_runs_only_that_framework(real_runner: Any) -> None:
    check = check_paths([str(FIXTURES / "good")], framework="tensorflow", runner=real_runner)
    assert check.exit_code == 0, to_text(check)
    assert {r.framework for r in check.results} == {"", "tensorflow"}


@pytest.mark.torch
def test_cli_end_to_end_writes_junit(tmp_path: Path) -> None:
    out = tmp_path / "junit.xml"
    command = [sys.executable, "-m", "gradrepl", "check", "tests/fixtures/scenarios/good", "-k", "nograd",
               "--format", "junit", "--output", str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    suite = ET.parse(out).getroot().find("testsuite")
    assert suite is not None and suite.get("failures") == "0"
    cases = [(c.get("classname"), c.get("name")) for c in suite.iter("testcase")]
    assert cases == [("scenarios.nograd-mini", "content"), ("scenarios.nograd-mini.torch", "starter"),
                     ("scenarios.nograd-mini.torch", "solution")]
    assert "nograd-mini [torch] starter" in done.stderr  # plain progress lines when stderr is not a terminal


@pytest.mark.torch
@pytest.mark.tf
def test_lessons_are_checked_through_the_same_runner(real_runner: Any) -> None:
    check = check_paths([str(ROOT / "lessons" / "01-backward-basics")], runner=real_runner)
    assert [(r.scenario, r.phase) for r in check.results] == [("01-backward-basics", "lesson")]
    assert check.exit_code == 0, to_text(check)


THREADS_STARTER = '''import torch

print("torch threads:", torch.get_num_threads())
w = torch.ones(2, requires_grad=True)
with torch.no_grad():
    loss = (w * 3).sum()
loss.backward()
'''


@pytest.mark.torch
@pytest.mark.parametrize(("given", "seen"), [(None, "1"), ("2", "2")])
def test_the_checkers_workers_compute_with_one_thread_unless_told(tmp_path: Path, given: str | None, seen: str) -> None:
    scenario = tmp_path / "nograd-mini"
    shutil.copytree(FIXTURES / "good" / "nograd-mini", scenario)
    (scenario / "starter_torch.py").write_text(THREADS_STARTER)
    toml = scenario / "scenario.toml"  # expect the wrong symptom, so the report carries the run's output
    toml.write_text(toml.read_text().replace('symptom = "error"', 'symptom = "grad_zero"'))
    env = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
    if given is not None:
        env["OMP_NUM_THREADS"] = given
    out = tmp_path / "junit.xml"
    command = [sys.executable, "-m", "gradrepl", "check", str(scenario), "--format", "junit", "--output", str(out)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 1, done.stderr
    printed = [e.text or "" for e in ET.parse(out).getroot().iter("system-out")]
    assert any(f"torch threads: {seen}" in text for text in printed), printed
