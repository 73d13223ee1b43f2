"""``gradrepl check`` on the command line: exit codes, formats and usage errors (no framework needed)."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "scenarios"


def _gradrepl(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "gradrepl", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_broken_scenarios_exit_2_with_file_and_line_for_each() -> None:
    done = _gradrepl("check", "tests/fixtures/scenarios/broken")
    assert done.returncode == 2
    bad = [line for line in done.stdout.splitlines() if line.startswith("BAD ")]
    assert len(bad) == len([p for p in (FIXTURES / "broken").iterdir() if p.is_dir()])
    assert "BAD  tests/fixtures/scenarios/broken/unknown-key/scenario.toml:18: unknown key 'symtom'" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_json_and_junit_outputs_for_broken_content(tmp_path: Path) -> None:
    done = _gradrepl("check", "tests/fixtures/scenarios/broken/id-mismatch", "--format", "json")
    document = json.loads(done.stdout)
    assert done.returncode == 2 and document["exit_code"] == 2
    (error,) = document["errors"]
    assert error["path"].endswith("id-mismatch/scenario.toml") and error["line"] == 2
    out = tmp_path / "report.xml"
    done = _gradrepl("check", "tests/fixtures/scenarios/broken/missing-key", "--format", "junit", "--output", str(out))
    assert done.returncode == 2 and done.stdout == ""
    assert "could not be loaded" in done.stderr
    case = ET.parse(out).getroot().find("testsuite/testcase")
    assert case is not None and case.find("error") is not None


def test_unknown_paths_and_patterns() -> None:
    done = _gradrepl("check", "no/such/dir")
    assert done.returncode == 2 and "BAD  no/such/dir: no such file or directory" in done.stdout
    done = _gradrepl("check", "tests/fixtures/scenarios/good", "-k", "matches-nothing")
    assert done.returncode == 0 and "0 scenarios: 0 of 0 checks passed" in done.stdout


def test_usage_errors_exit_2() -> None:
    done = _gradrepl("check", "--framework", "jax")
    assert done.returncode == 2 and "invalid choice: 'jax'" in done.stderr
    done = _gradrepl("check", "--content", "/no/such/content")
    assert done.returncode == 2 and done.stderr.startswith("gradrepl: content directory '/no/such/content' does not exist")


def test_output_file_that_cannot_be_written(tmp_path: Path) -> None:
    done = _gradrepl("check", "tests/fixtures/scenarios/broken/missing-key", "--output", str(tmp_path / "no" / "dir.txt"))
    assert done.returncode == 2 and "cannot write the report" in done.stderr


def test_missing_frameworks_are_skipped_unless_asked_for(tmp_path: Path) -> None:
    # A real interpreter without site-packages: neither torch nor TensorFlow can be found.
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-S", "-m", "gradrepl", "check", "tests/fixtures/scenarios/good"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert "skip detach-mini [torch]  torch is not installed" in done.stdout
    assert "skip detach-mini [tensorflow]  tensorflow is not installed" in done.stdout
    assert '2 of 2 checks passed, 3 skipped' in done.stdout
    done = subprocess.run([*command, "--framework", "torch"], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 2
    assert done.stderr.endswith('gradrepl: torch is not installed in this environment; install it with: pip install "gradrepl[torch]"\n')
