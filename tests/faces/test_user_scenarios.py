"""The headless faces and the user's own scenario folders: ``gradrepl check``, ``gradrepl list``,
and the lesson rule "each lesson lists exactly the scenarios that name it" (built-in ones only)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gradrepl.core.sources import ENV_VAR
from gradrepl.faces import lesson as lesson_face

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "tests" / "fixtures" / "scenarios" / "good" / "nograd-mini"


def make_scenario(folder: Path, sid: str, lesson: str = "fixture-lesson") -> Path:
    directory = folder / sid
    shutil.copytree(TEMPLATE, directory)
    toml = directory / "scenario.toml"
    text = toml.read_text().replace('id = "nograd-mini"', f'id = "{sid}"')
    toml.write_text(text.replace('lesson = "fixture-lesson"', f'lesson = "{lesson}"'))
    return directory


def check_without_frameworks(tmp_path: Path, path_value: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``gradrepl check`` in a Python without site-packages: every half is skipped by name, fast."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "GRADREPL_STATE_DIR": str(tmp_path / "state"), ENV_VAR: path_value}
    command = [sys.executable, "-S", "-m", "gradrepl", "check", "--content", str(tmp_path / "content"), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)


def test_check_with_no_path_includes_the_users_scenarios(tmp_path: Path) -> None:
    make_scenario(tmp_path / "content" / "scenarios", "builtin-one")
    make_scenario(tmp_path / "mine", "own-one")
    done = check_without_frameworks(tmp_path, str(tmp_path / "mine"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "skip builtin-one [torch]" in done.stdout and "skip own-one [torch]" in done.stdout
    # a broken source is reported (broken content: exit 2) and the rest is still checked
    done = check_without_frameworks(tmp_path, os.pathsep.join([str(tmp_path / "gone"), str(tmp_path / "mine")]))
    assert done.returncode == 2
    assert f"BAD  {tmp_path / 'gone'}: GRADREPL_SCENARIO_PATH names a folder that does not exist" in done.stdout
    assert "skip builtin-one [torch]" in done.stdout and "skip own-one [torch]" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    # -k applies to them too; a PATH checks only what it names
    done = check_without_frameworks(tmp_path, str(tmp_path / "mine"), "-k", "own")
    assert "skip own-one" in done.stdout and "builtin-one" not in done.stdout
    done = check_without_frameworks(tmp_path, str(tmp_path / "mine"), str(tmp_path / "content" / "scenarios"))
    assert "skip builtin-one" in done.stdout and "own-one" not in done.stdout


def test_a_clash_in_check_is_one_bad_line_and_the_builtin_is_checked(tmp_path: Path) -> None:
    make_scenario(tmp_path / "content" / "scenarios", "same-id")
    make_scenario(tmp_path / "mine", "same-id")
    done = check_without_frameworks(tmp_path, str(tmp_path / "mine"), "--format", "json")
    assert done.returncode == 2
    report = json.loads(done.stdout)
    (error,) = report["errors"]
    assert error["message"] == "scenario id 'same-id' from GRADREPL_SCENARIO_PATH is taken; the built-in scenario is used"
    assert error["path"] == str(tmp_path / "mine" / "same-id" / "scenario.toml")
    assert [(s["scenario"], s["framework"]) for s in report["skipped"]] == [("same-id", "torch")]  # once: the built-in


def test_user_scenarios_naming_a_builtin_lesson_need_not_be_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_scenario(tmp_path / "mine", "own-recording-off", lesson="05-recording-off")
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "mine"))
    (result,) = lesson_face.verify_lessons([ROOT / "lessons" / "05-recording-off"], play=False)
    assert result.passed, [v.message for v in result.failures]
    # while a content scenario that names the lesson unlisted still fails it (the rule is alive)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "lessons" / "05-recording-off", content / "lessons" / "05-recording-off")
    shutil.copytree(ROOT / "scenarios", content / "scenarios")
    make_scenario(content / "scenarios", "stray-recording-off", lesson="05-recording-off")
    (result,) = lesson_face.verify_lessons([content / "lessons" / "05-recording-off"], play=False)
    assert any("'stray-recording-off' says lesson = '05-recording-off' but is not in 'scenarios'" in v.message for v in result.failures)


def test_list_shows_the_users_scenarios_after_the_course(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_scenario(tmp_path / "mine", "own-listed", lesson="05-recording-off")
    monkeypatch.setenv(ENV_VAR, os.pathsep.join([str(tmp_path / "mine"), str(tmp_path / "gone")]))
    monkeypatch.setenv("GRADREPL_STATE_DIR", str(tmp_path / "state"))
    assert lesson_face.run_list(argparse.Namespace(content=None)) == 0
    captured = capsys.readouterr()
    course, _, yours = captured.out.partition("  Your scenarios\n")
    assert "05-recording-off" in course and "own-listed" not in course
    assert yours.splitlines()[0].split() == ["·", "own-listed", "Computed", "under", "torch.no_grad()", "(05-recording-off)"]
    assert "GRADREPL_SCENARIO_PATH names a folder that does not exist" in captured.err
