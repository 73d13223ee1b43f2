"""``gradrepl repl PATH`` with a path it cannot use: one sentence naming it, exit status 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
BROKEN = ROOT / "tests" / "fixtures" / "scenarios" / "broken"


def _repl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gradrepl", "repl", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=60, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize(
    "path,message",
    [
        ("no-such-scenario", "gradrepl: no script, scenario directory or scenario id called 'no-such-scenario'; "),
        ("README.md", "gradrepl: README.md: not a Python script or a scenario directory"),
        (str(BROKEN / "unknown-key"), "gradrepl: tests/fixtures/scenarios/broken/unknown-key/scenario.toml:18: unknown key"),
    ],
)
def test_an_unusable_path_is_one_sentence_and_status_2(path: str, message: str) -> None:
    done = _repl(path)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith(message)
