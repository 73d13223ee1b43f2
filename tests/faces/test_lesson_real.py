"""Lessons played end to end through the real framework workers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from gradrepl.faces.lesson import verify_lessons

ROOT = Path(__file__).resolve().parents[2]
LESSON = ROOT / "lessons" / "01-backward-basics"

pytestmark = [pytest.mark.torch, pytest.mark.slow]


def test_lesson_01_plays_as_scripted(real_runner: Any) -> None:
    (result,) = verify_lessons([LESSON], runner=real_runner)
    assert result.passed, [v.message for v in result.failures]
    assert len(result.verdicts) == 9


def test_a_wrong_expectation_fails_at_its_step(tmp_path: Path, real_runner: Any) -> None:
    content = tmp_path / "content"
    shutil.copytree(LESSON, content / "lessons" / LESSON.name)
    (content / "scenarios").symlink_to(ROOT / "scenarios")
    toml = content / "lessons" / LESSON.name / "lesson.toml"
    # claim the fixed script prints 5 as the gradient: the real run prints 4
    toml.write_text(toml.read_text().replace('output = "gradient of x: tensor([4.])"', 'output = "gradient of x: tensor([5.])"'))
    (result,) = verify_lessons([content / "lessons"], runner=real_runner)
    (failure,) = result.failures
    assert "step 9" in failure.message and "tensor([5.])" in failure.message
    assert "gradient of x: tensor([4.])" in failure.message  # what the run really printed


def test_play_command_exit_codes(tmp_path: Path) -> None:
    env_args = [sys.executable, "-m", "gradrepl", "lesson", "--play"]
    done = subprocess.run([*env_args, "01-backward-basics"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "all 9 steps behaved as scripted" in done.stdout
    missing = subprocess.run([*env_args, "99-nothing"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert missing.returncode == 2 and "no lesson '99-nothing'" in missing.stderr
