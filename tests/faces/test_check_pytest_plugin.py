"""The pytest plugin: scenario.toml files become items, lazily and without touching other tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _pytest(*args: str, code: str = "") -> subprocess.CompletedProcess[str]:
    if code:
        command = [sys.executable, "-c", code]
    else:
        command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_collection_makes_items_and_imports_no_framework() -> None:
    code = (
        "import sys, pytest\n"
        "rc = pytest.main(['-p', 'no:cacheprovider', '--collect-only', '-q', 'tests/fixtures/scenarios/good'])\n"
        "print('HEAVY', [m for m in ('torch', 'tensorflow', 'gradrepl.runner.runner') if m in sys.modules])\n"
    )
    done = _pytest(code=code)
    assert "HEAVY []" in done.stdout
    items = [line for line in done.stdout.splitlines() if "::" in line]
    assert items == [
        "tests/fixtures/scenarios/good/detach-mini/scenario.toml::content",
        "tests/fixtures/scenarios/good/detach-mini/scenario.toml::torch-starter",
        "tests/fixtures/scenarios/good/detach-mini/scenario.toml::torch-solution",
        "tests/fixtures/scenarios/good/detach-mini/scenario.toml::tensorflow-starter",
        "tests/fixtures/scenarios/good/detach-mini/scenario.toml::tensorflow-solution",
        "tests/fixtures/scenarios/good/nograd-mini/scenario.toml::content",
        "tests/fixtures/scenarios/good/nograd-mini/scenario.toml::torch-starter",
        "tests/fixtures/scenarios/good/nograd-mini/scenario.toml::torch-solution",
    ]


def test_framework_marks_select_items() -> None:
    done = _pytest("--collect-only", "-q", "-m", "tf", "tests/fixtures/scenarios/good")
    items = [line for line in done.stdout.splitlines() if "::" in line]
    assert items == [
        "tests/fixtures/scenarios/good/detach-mini/scenario.toml::tensorflow-starter",
        "tests/fixtures/scenarios/good/detach-mini/scenario.toml::tensorflow-solution",
    ]


def test_a_broken_scenario_is_one_failing_item_with_the_loader_message() -> None:
    done = _pytest("-q", "tests/fixtures/scenarios/broken/unknown-key")
    assert done.returncode == 1
    assert "unknown-key/scenario.toml:18: unknown key 'symtom' in [[torch.expect]]" in done.stdout
    assert "1 failed" in done.stdout and "Traceback" not in done.stdout


def test_fixture_scenarios_stay_out_of_the_normal_test_run() -> None:
    done = _pytest("--collect-only", "-q", "tests/core")
    assert done.returncode == 0 and "scenario.toml" not in done.stdout
    done = _pytest("--collect-only", "-q", "tests/fixtures/..")
    items = [line for line in done.stdout.splitlines() if "::" in line]
    assert items and not [item for item in items if item.startswith("tests/fixtures/")]


@pytest.mark.torch
def test_scenario_items_run_and_report_failures() -> None:
    done = _pytest("-q", "tests/fixtures/scenarios/good/nograd-mini", "tests/fixtures/scenarios/failing")
    assert "wrong-mini::torch-starter" in done.stdout
    assert "starter_torch.py: expected x to show grad_zero, it showed grad_none" in done.stdout
    assert "3 failed" not in done.stdout
    assert "2 failed, 4 passed" in done.stdout, done.stdout[-3000:]


def test_items_of_a_missing_framework_skip_with_the_extra_to_install(tmp_path: Path) -> None:
    # A real interpreter without site-packages, given only pytest and gradrepl: no torch to find.
    packages = Path(pytest.__file__).resolve().parent.parent
    site = tmp_path / "site"
    site.mkdir()
    for name in ("_pytest", "pytest", "py.py", "pluggy", "iniconfig", "packaging", "pygments"):
        (site / name).symlink_to(packages / name)
    (site / "gradrepl").symlink_to(ROOT / "gradrepl")
    command = [sys.executable, "-S", "-m", "pytest", "-p", "gradrepl.faces.pytest_plugin", "-p", "no:cacheprovider",
               "-q", "-rs", str(ROOT / "tests/fixtures/scenarios/good/nograd-mini")]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(site)})
    assert "1 passed, 2 skipped" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
    assert 'torch is not installed in this environment; install it with: pip install "gradrepl[torch]"' in done.stdout
