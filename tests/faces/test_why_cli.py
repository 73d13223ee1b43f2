"""``gradrepl why`` on the command line: usage errors, exit codes and the JSON contract.

The end-to-end runs here use fakegrad scripts (the fake backend, no framework
import); real torch and TensorFlow scripts are in test_why_frameworks.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gradrepl.errors import FrameworkMissing, GradreplError
from gradrepl.faces.why import check_targets, read_script

ROOT = Path(__file__).resolve().parents[2]
FAKE_SCRIPT = """import fakegrad

x = fakegrad.tensor(2.0, requires_grad=True)
w = fakegrad.tensor(3.0, requires_grad=True)
y = x.detach() * w
y.backward()
"""


def _why(*args: str, env: dict[str, str] | None = None, python: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [*(python or [sys.executable]), "-m", "gradrepl", "why", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture
def fake_script(tmp_path: Path) -> Path:
    path = tmp_path / "fake_train.py"
    path.write_text(FAKE_SCRIPT)
    return path


def test_json_contract_on_a_fake_script(fake_script: Path) -> None:
    done = _why(str(fake_script), "--format", "json", "--target", "x", "--target", "w")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert list(document) == ["script", "framework", "outcome", "error", "findings"]
    assert document["script"] == str(fake_script) and document["framework"] == "fake"
    assert document["outcome"] == "completed" and document["error"] is None
    by_target = {f["target"]: f for f in document["findings"]}
    assert set(by_target) == {"x", "w"}
    assert by_target["x"]["symptom"] == "grad_none" and by_target["w"]["cause"] == "none"
    confidences = [f["confidence"] for f in document["findings"]]
    assert confidences == sorted(confidences, reverse=True)
    assert done.stderr == ""  # no progress chatter when stderr is not a terminal


def test_text_format_on_a_fake_script(fake_script: Path) -> None:
    done = _why(str(fake_script))
    assert done.returncode == 0
    assert done.stdout.startswith(f"{fake_script}: fake, ran to the end")
    assert "x: gradient is None" in done.stdout and "w: gradient is fine" in done.stdout
    assert "\x1b[" not in done.stdout


def test_a_target_that_does_not_evaluate_is_exit_2(fake_script: Path) -> None:
    done = _why(str(fake_script), "--target", "nope")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"gradrepl: {fake_script}: --target nope did not evaluate: NameError: name 'nope' is not defined\n"


def test_a_target_that_is_not_an_expression() -> None:
    with pytest.raises(GradreplError, match=r"--target 'x \+' is not a Python expression"):
        check_targets(["x", "x +"])


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    script = tmp_path / "broken.py"
    script.write_text("import torch\n\nx = torch.ones(3\nprint(x)\n")
    with pytest.raises(GradreplError) as caught:
        read_script(str(script))
    assert (caught.value.path, caught.value.line) == (str(script), 3)
    done = _why(str(script))
    assert done.returncode == 2 and done.stderr.startswith(f"gradrepl: {script}:3: syntax error: ")
    assert done.stderr.count("\n") == 1


def test_unreadable_scripts(tmp_path: Path) -> None:
    done = _why(str(tmp_path / "missing.py"))
    assert (done.returncode, done.stderr) == (2, f"gradrepl: {tmp_path / 'missing.py'}: no such file\n")
    done = _why(str(tmp_path))
    assert done.returncode == 2 and "is a directory" in done.stderr


def test_unknown_or_undetectable_framework(tmp_path: Path) -> None:
    script = tmp_path / "plain.py"
    script.write_text("x = 1\n")
    done = _why(str(script))
    assert done.returncode == 2 and "imports neither torch nor tensorflow; pass --framework" in done.stderr
    done = _why(str(script), "--framework", "jax")
    assert done.returncode == 2 and "invalid choice: 'jax'" in done.stderr


def test_missing_framework_names_the_extra(tmp_path: Path) -> None:
    # A real interpreter without site-packages: torch and TensorFlow cannot be found there.
    script = tmp_path / "train.py"
    script.write_text("import tensorflow as tf\nx = tf.Variable(1.0)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = _why(str(script), env=env, python=[sys.executable, "-S"])
    assert done.returncode == 2
    assert done.stderr == f"gradrepl: {FrameworkMissing('tensorflow')}\n"
    assert 'pip install "gradrepl[tf]"' in done.stderr


def test_a_script_that_times_out_is_still_diagnosed(tmp_path: Path) -> None:
    script = tmp_path / "spin.py"
    script.write_text("import fakegrad\n\nx = fakegrad.tensor(1.0, requires_grad=True)\nwhile True:\n    pass\n")
    done = _why(str(script), "--format", "json", "--timeout", "0.5")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["outcome"] == "timeout" and document["error"]["type"] == "Timeout"
    # the contract's "at least one finding per target": the run's own, at the line where it was stopped
    stopped = document["error"]["line"]
    assert stopped in (4, 5)
    (finding,) = document["findings"]
    assert finding["target"] == "<script>" and finding["symptom"] == "error" and finding["cause"] == "run_incomplete"
    assert finding["line"] == stopped and finding["confidence"] == 1.0
    assert f"stopped at line {stopped}" in finding["explanation"]


def test_a_stopped_run_has_a_finding_for_each_requested_target(tmp_path: Path) -> None:
    script = tmp_path / "crash.py"
    script.write_text("import ctypes\nimport fakegrad\n\nx = fakegrad.tensor(1.0, requires_grad=True)\nctypes.string_at(0)\n")
    done = _why(str(script), "--format", "json", "--target", "x", "--target", "x * 2")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document["outcome"] == "crashed" and document["error"]["type"] == "Crash"
    assert [(f["target"], f["cause"], f["line"]) for f in document["findings"]] == [("x", "run_incomplete", 5), ("x * 2", "run_incomplete", 5)]
    text = _why(str(script), "--target", "x").stdout
    assert "x: the run raised an error" in text and "The run was stopped before it finished" in text
