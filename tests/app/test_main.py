"""Tests the app's entry points: what ``gradrepl PATH`` opens, and one clear error otherwise."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from app_helpers import SAMPLES, fake_catalog

from gradrepl.app.catalog import Catalog
from gradrepl.app.main import resolve_opening, run_lesson
from gradrepl.errors import GradreplError


def test_no_path_opens_the_browser() -> None:
    assert resolve_opening(None, None, fake_catalog).kind == "browser"


def test_a_script_opens_as_a_script() -> None:
    script = SAMPLES / "fake-detach" / "starter_fake.py"
    opening = resolve_opening(str(script), "torch", fake_catalog)
    assert (opening.kind, opening.target, opening.framework) == ("script", str(script), "torch")


def test_a_scenario_id_opens_the_scenario() -> None:
    assert resolve_opening("fake-nograd", None, fake_catalog).kind == "scenario"


def test_unknown_paths_are_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GradreplError, match="neither a Python script nor a scenario"):
        resolve_opening("no-such-thing", None, fake_catalog)
    with pytest.raises(GradreplError, match="no such script"):
        resolve_opening(str(tmp_path / "missing.py"), None, fake_catalog)
    bad = tmp_path / "bad.py"
    bad.write_bytes(b"\xff\xfe")
    with pytest.raises(GradreplError, match="cannot read the script") as info:
        resolve_opening(str(bad), None, fake_catalog)
    assert str(bad) in str(info.value)


def test_the_catalog_is_not_read_for_a_script() -> None:
    def refuse() -> Catalog:
        raise AssertionError("reading every scenario is not needed to open a script")

    resolve_opening(str(SAMPLES / "fake-detach" / "starter_fake.py"), None, refuse)


def test_lessons_without_content_say_so(tmp_path: Path) -> None:
    (tmp_path / "scenarios").mkdir()
    with pytest.raises(GradreplError, match="no lessons were found"):
        run_lesson(argparse.Namespace(name=None, content=str(tmp_path)))
