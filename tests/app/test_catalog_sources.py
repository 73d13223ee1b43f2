"""The app's catalog with the user's own scenario folders (pure: no Textual, no runner)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from gradrepl.app.catalog import USER_GROUP, Catalog
from gradrepl.app.main import resolve_opening
from gradrepl.core.sources import ENV_VAR

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "tests" / "fixtures" / "scenarios" / "good" / "nograd-mini"


def make_scenario(folder: Path, sid: str, lesson: str, title: str = "") -> Path:
    directory = folder / sid
    shutil.copytree(TEMPLATE, directory)
    toml = directory / "scenario.toml"
    text = toml.read_text().replace('id = "nograd-mini"', f'id = "{sid}"').replace('lesson = "fixture-lesson"', f'lesson = "{lesson}"')
    if title:
        text = text.replace('title = "Computed under torch.no_grad()"', f'title = "{title}"')
    toml.write_text(text)
    return directory


@pytest.fixture
def catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Catalog:
    """The shipped course plus: one user scenario under lesson 05, two of no known lesson,
    one clashing with a shipped id, and a folder that does not exist."""
    mine = tmp_path / "mine"
    make_scenario(mine, "own-under-05", "05-recording-off")
    make_scenario(mine, "own-zeta", "my-own-lesson", title="Zeta, a stray of mine")
    make_scenario(mine, "own-alpha", "another-lesson")
    make_scenario(mine, "rounded-weights", "07-non-differentiable-ops")
    monkeypatch.setenv(ENV_VAR, os.pathsep.join([str(mine), str(tmp_path / "gone")]))
    return Catalog.load()


def test_user_scenarios_join_their_lesson_or_the_last_group(catalog: Catalog) -> None:
    groups = dict(catalog.groups())
    recording_off = catalog.lesson("05-recording-off")
    assert recording_off is not None
    in_05 = [s.id for s in groups[recording_off.title]]
    assert in_05 == [*recording_off.scenarios, "own-under-05"]  # after the lesson's own, in its order
    title, last = catalog.groups()[-1]
    assert title == USER_GROUP and [s.id for s in last] == ["own-alpha", "own-zeta"]
    assert [s.id for s in catalog.scenarios[-2:]] == ["own-alpha", "own-zeta"]
    assert catalog.after("own-alpha") is not None and catalog.after("own-alpha").id == "own-zeta"  # type: ignore[union-attr]


def test_the_builtin_wins_a_clash_and_problems_are_kept(catalog: Catalog) -> None:
    rounded = catalog.scenario("rounded-weights")
    assert rounded is not None and rounded.origin == "" and rounded.directory == ROOT / "scenarios" / "rounded-weights"
    assert sum(s.id == "rounded-weights" for s in catalog.scenarios) == 1
    messages = [str(e) for e in catalog.errors]
    assert len(messages) == 2, messages
    assert any("names a folder that does not exist" in m for m in messages)
    assert any("scenario id 'rounded-weights' from GRADREPL_SCENARIO_PATH is taken" in m for m in messages)


def test_user_scenarios_are_found_by_id_and_by_search(catalog: Catalog) -> None:
    own = catalog.scenario("own-zeta")
    assert own is not None and own.origin == ENV_VAR
    assert [s.id for s in catalog.search("zeta stray")] == ["own-zeta"]
    assert resolve_opening("own-zeta", None, lambda: catalog).kind == "scenario"


def test_without_user_folders_the_catalog_is_the_course(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    catalog = Catalog.load()
    assert catalog.errors == [] and all(not s.origin for s in catalog.scenarios)
    assert all(title != USER_GROUP for title, _ in catalog.groups())
