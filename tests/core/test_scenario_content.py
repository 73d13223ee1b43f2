"""Where content is found: --content DIR, else the checkout, else the copy inside the package."""

from __future__ import annotations

from pathlib import Path

import pytest

from gradrepl.core.content import checkout_root, content_root, display_path, lessons_dir, scenarios_dir
from gradrepl.core.scenario import load_scenarios
from gradrepl.errors import GradreplError

ROOT = Path(__file__).resolve().parents[2]


def test_a_checkout_uses_its_own_working_tree() -> None:
    assert checkout_root() == ROOT
    assert content_root() == ROOT
    assert scenarios_dir() == ROOT / "scenarios" and lessons_dir() == ROOT / "lessons"


def test_explicit_content_directory(tmp_path: Path) -> None:
    fixtures = ROOT / "tests" / "fixtures"
    assert content_root(fixtures) == fixtures
    scenarios, errors = load_scenarios([scenarios_dir(fixtures) / "good"])
    assert {s.id for s in scenarios} == {"detach-mini", "nograd-mini"} and errors == []
    with pytest.raises(GradreplError, match="does not exist"):
        content_root(tmp_path / "missing")
    with pytest.raises(GradreplError, match="has neither scenarios/ nor lessons/"):
        content_root(tmp_path)


def test_display_path_is_relative_below_the_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a").mkdir()
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "a" / "scenario.toml") == "a/scenario.toml"
    assert display_path(Path("/elsewhere/x")) == "/elsewhere/x"
