"""Loading good scenarios: every field of docs/scenario-format.md reaches the model."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from gradrepl.core.scenario import find_scenario_dirs, is_scenario_path, load_scenario, load_scenarios
from gradrepl.core.toml_lines import key_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios"


def test_detach_fixture_loads_every_field() -> None:
    scenario = load_scenario(FIXTURES / "good" / "detach-mini")
    assert scenario.id == "detach-mini" and scenario.frameworks == ("torch", "tensorflow")
    assert scenario.sources == ("Why are no gradients being calculated for 'x_hat'?",)
    torch = scenario.spec("torch")
    assert torch.targets == ("x", "w")
    assert [(e.target, e.symptom, e.cause, e.line) for e in torch.expect] == [
        ("x", "grad_none", "detach", 7),
        ("w", "ok", "none", None),
    ]
    assert torch.check[0].values == (1.0, -2.0, 4.0) and torch.check[0].fd == "(x * 2 * w).sum()"
    tf = scenario.spec("tensorflow")
    assert tf.starter.name == "starter_tf.py" and tf.check[0].rtol == 1e-3
    assert scenario.claims[0].verdict == "right" and scenario.claims[0].framework == "torch"
    text = scenario.path.read_text().splitlines()
    assert text[torch.expect[1].toml_line - 1].strip() == "[[torch.expect]]"
    assert text[scenario.hint_lines[0] - 1].startswith("concept =")


def test_scenario_is_frozen() -> None:
    scenario = load_scenario(FIXTURES / "good" / "nograd-mini")
    with pytest.raises(FrozenInstanceError):
        scenario.id = "other"  # type: ignore[misc]


def test_pattern_filters_by_id() -> None:
    scenarios, errors = load_scenarios([FIXTURES / "good"], pattern="nograd")
    assert [s.id for s in scenarios] == ["nograd-mini"] and errors == []


def test_paths_can_be_dirs_files_or_roots_and_are_deduplicated() -> None:
    errors: list = []
    good = FIXTURES / "good"
    dirs = find_scenario_dirs([good / "detach-mini" / "scenario.toml", good, good / "nograd-mini"], errors)
    assert [d.name for d in dirs] == ["detach-mini", "nograd-mini"] and errors == []
    assert is_scenario_path(good) and is_scenario_path(good / "detach-mini")
    assert not is_scenario_path(FIXTURES.parent)


def test_key_lines_follow_arrays_of_tables_and_multiline_values() -> None:
    text = 'a = """one\n[not.a.table]\n"""\nb = [\n  "x",\n]\n[[t]]\nk = 1\n[[t]]\n"q k" = 2\n[t.sub]\nz = 3\n'
    lines = key_lines(text)
    assert lines[("a",)] == 1 and lines[("b",)] == 4
    assert ("not",) not in lines
    assert lines[("t", 0, "k")] == 8 and lines[("t", 1, "q k")] == 10
    assert lines[("t", 1, "sub", "z")] == 12
