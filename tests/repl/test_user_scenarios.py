"""``:load ID`` and ``gradrepl repl ID`` find the user's own scenarios (GRADREPL_SCENARIO_PATH)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from repl_harness import drive, lines, new_state

from gradrepl.core.scenario import Scenario
from gradrepl.core.sources import ENV_VAR
from gradrepl.errors import GradreplError
from gradrepl.repl import loading
from gradrepl.runner.runner import Runner

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "tests" / "fixtures" / "scenarios" / "good" / "nograd-mini"


@pytest.fixture
def mine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user folder holding the scenario ``own-nograd``, on GRADREPL_SCENARIO_PATH."""
    directory = tmp_path / "mine" / "own-nograd"
    shutil.copytree(TEMPLATE, directory)
    toml = directory / "scenario.toml"
    toml.write_text(toml.read_text().replace('id = "nograd-mini"', 'id = "own-nograd"'))
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "mine"))
    return directory


def test_an_id_resolves_to_the_users_scenario(mine: Path) -> None:
    found = loading.resolve("own-nograd", None)
    assert isinstance(found, Scenario) and found.directory == mine and found.origin == ENV_VAR
    assert "own-nograd" in loading.scenario_ids(None) and "rounded-weights" in loading.scenario_ids(None)


def test_an_unknown_id_names_the_broken_folder_that_was_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "gone"))
    with pytest.raises(GradreplError) as info:
        loading.resolve("own-nogard", None)
    first, second = str(info.value).splitlines()
    assert first.startswith("no script, scenario directory or scenario id called 'own-nogard'")
    assert second == f"  (skipped {tmp_path / 'gone'}: GRADREPL_SCENARIO_PATH names a folder that does not exist)"


def test_load_without_a_name_lists_the_users_ids(mine: Path, fake_runner: Runner) -> None:
    out = drive(new_state(fake_runner, "fake"), lines(":load"))
    (listed,) = [line for line in out.splitlines() if line.startswith("Scenarios: ")]
    ids = listed.removeprefix("Scenarios: ").split(", ")
    assert "own-nograd" in ids and "rounded-weights" in ids and ids == sorted(ids)


@pytest.mark.torch
def test_load_by_id_runs_the_users_starter(mine: Path, real_runner: Runner) -> None:
    real_runner.wait_ready("torch")
    state = new_state(real_runner, "torch")
    out = drive(state, lines(":load own-nograd"))
    assert state.scenario is not None and state.scenario.directory == mine
    assert "[own-nograd, torch]" in out
    assert any(line.strip().startswith("w: gradient") for line in out.splitlines()), out
    assert state.transcript.entries[0].origin == "own-nograd"
