"""The built wheel ships every scenario and lesson, and gradrepl finds them when installed from it.

The wheel is built from a copy of the sources (so no ``build/`` lands in the
work tree), without build isolation (no network), then unpacked into a
directory that an interpreter without site-packages imports gradrepl from,
outside any checkout.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "gradrepl", "lessons", "scenarios")
PROBE = """
import json, gradrepl
from gradrepl.core.content import content_root
from gradrepl.core.lesson import load_lessons
from gradrepl.core.scenario import load_scenarios
root = content_root()
scenarios, bad_scenarios = load_scenarios()
lessons, bad_lessons = load_lessons([root / "lessons"])
print(json.dumps({"package": gradrepl.__file__, "root": str(root),
                  "scenarios": sorted(s.id for s in scenarios), "lessons": sorted(l.id for l in lessons),
                  "errors": [str(e) for e in [*bad_scenarios, *bad_lessons]]}))
"""


def _ids(kind: str, file_name: str) -> list[str]:
    return sorted(p.parent.name for p in (ROOT / kind).glob(f"*/{file_name}"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, source / name)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(work / "dist"), str(source)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    (built,) = (work / "dist").glob("gradrepl-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_lists_every_scenario_and_lesson(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(n.split("/")[-2] for n in names if n.startswith("gradrepl/_content/scenarios/") and n.endswith("/scenario.toml"))
    assert shipped == _ids("scenarios", "scenario.toml") and shipped
    shipped = sorted(n.split("/")[-2] for n in names if n.startswith("gradrepl/_content/lessons/") and n.endswith("/lesson.toml"))
    assert shipped == _ids("lessons", "lesson.toml") and shipped
    for scenario in _ids("scenarios", "scenario.toml"):  # the scripts the checker runs come along
        assert f"gradrepl/_content/scenarios/{scenario}/starter_torch.py" in names or \
            f"gradrepl/_content/scenarios/{scenario}/starter_tf.py" in names
    assert not [n for n in names if "__pycache__" in n or n.startswith("tests/")]


@pytest.mark.slow
def test_an_unpacked_wheel_finds_its_own_content_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # -S: no site-packages, so neither the editable install nor a framework can be found
    done = subprocess.run([sys.executable, "-S", "-c", PROBE], cwd=elsewhere, capture_output=True, text=True,
                          timeout=60, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(site)})
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert Path(found["package"]).is_relative_to(site)
    assert found["root"] == str(site / "gradrepl" / "_content")
    assert found["scenarios"] == _ids("scenarios", "scenario.toml")
    assert found["lessons"] == _ids("lessons", "lesson.toml")
    assert found["errors"] == []
