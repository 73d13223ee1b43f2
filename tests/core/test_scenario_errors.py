"""Every bad scenario.toml gives one GradreplError naming the file and the offending line."""

from __future__ import annotations

from pathlib import Path

import pytest

from gradrepl.core.scenario import load_scenario, load_scenarios
from gradrepl.errors import GradreplError

BROKEN = Path(__file__).resolve().parents[1] / "fixtures" / "scenarios" / "broken"

# fixture directory -> (text on the offending line, words the message must contain)
CASES = {
    "syntax-error": ('title = "t', ["invalid TOML"]),
    "unknown-key": ("symtom =", ["unknown key 'symtom'", "[[torch.expect]]", "did you mean 'symptom'"]),
    "missing-key": ("format = 1", ["missing required key 'summary'"]),
    "id-mismatch": ('id = "id-mismatched"', ["'id-mismatched'", "directory name 'id-mismatch'"]),
    "missing-file": ('starter = "starter_missing.py"', ["starter file 'starter_missing.py' does not exist"]),
    "unknown-cause": ('cause = "detatch"', ["unknown cause 'detatch'"]),
    "unknown-symptom": ('symptom = "grad_missing"', ["unknown symptom 'grad_missing'", "grad_none"]),
    "bad-target": ('target = "y"', ["target 'y' is not in", "targets ['x']"]),
    "bad-claim": ('verdict = "maybe"', ["unknown verdict 'maybe'", "right, wrong, partly"]),
    "claim-missing-key": ("[[claims]]", ["missing required key 'observed'", "[[claims]]"]),
    "unknown-framework": ("frameworks = ", ["unknown framework 'jax'"]),
    "unlisted-table": ("[tensorflow]", ["[tensorflow] table", "not listed"]),
    "bad-grad-property": ("grad = ", ["unknown grad property 'positive'"]),
    "bad-line-value": ('line = "six"', ["'line' must be an integer"]),
}


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


@pytest.mark.parametrize("name", sorted(CASES))
def test_error_names_file_and_line(name: str) -> None:
    marker, words = CASES[name]
    path = BROKEN / name / "scenario.toml"
    with pytest.raises(GradreplError) as caught:
        load_scenario(path.parent)
    error = caught.value
    assert error.path is not None and error.path.endswith(f"{name}/scenario.toml")
    assert error.line == _line_of(path, marker)
    text = str(error)
    assert text.startswith(f"{error.path}:{error.line}: ")
    for word in words:
        assert word in text
    assert "\n" not in text and "Traceback" not in text


def test_every_broken_fixture_is_covered() -> None:
    assert sorted(p.name for p in BROKEN.iterdir() if p.is_dir()) == sorted(CASES)


def test_load_scenarios_returns_errors_and_goes_on() -> None:
    good = BROKEN.parent / "good"
    scenarios, errors = load_scenarios([BROKEN, good])
    assert {s.id for s in scenarios} == {p.name for p in good.iterdir() if p.is_dir()}
    assert len(errors) == len(CASES)


def test_unusable_paths_are_errors(tmp_path: Path) -> None:
    scenarios, errors = load_scenarios([tmp_path / "nope", tmp_path])
    assert scenarios == []
    assert [e.path for e in errors] == [str(tmp_path / "nope"), str(tmp_path)]
    assert "no such file" in errors[0].message and "no scenario.toml" in errors[1].message


def _write(directory: Path, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "starter_torch.py").write_text("x = 1\n")
    (directory / "solution_torch.py").write_text("x = 1\n")
    (directory / "scenario.toml").write_text(text)
    return directory


MINIMAL = """format = 1
id = "s"
title = "t"
lesson = "l"
summary = "s"
frameworks = ["torch"]
[hints]
concept = "c"
location = "l"
fix = "f"
[torch]
targets = ["x"]
expect = [{ target = "x", symptom = "grad_none", cause = "detach" }]
check = [{ target = "x", grad = ["present"] }]
"""


@pytest.mark.parametrize(
    "old,new,line,words",
    [
        ("format = 1", "format = 2", 1, "unsupported format 2"),
        ('symptom = "grad_none", cause = "detach"', 'symptom = "ok", cause = "detach"', 13, "contradict"),
        ('grad = ["present"]', 'grad = ["zero", "nonzero"]', 14, "both 'zero' and 'nonzero'"),
        ('targets = ["x"]', 'targets = ["x", "x"]', 12, "lists 'x' twice"),
        ('check = [{ target = "x", grad = ["present"] }]', "check = []", 14, "at least one row"),
        ('title = "t"', "title = 3", 3, "'title' must be a string"),
        ('[hints]\nconcept = "c"\nlocation = "l"\nfix = "f"', 'hints = "h"', 7, "'hints' must be a table"),
        ('[torch]\ntargets = ["x"]', '[torch]\ntargets = ["x"]\nhints = { fix = "f", typo = "t" }', 13, "unknown key 'typo'"),
    ],
)
def test_inline_tables_and_values(tmp_path: Path, old: str, new: str, line: int, words: str) -> None:
    assert old in MINIMAL
    directory = _write(tmp_path / "s", MINIMAL.replace(old, new))
    with pytest.raises(GradreplError) as caught:
        load_scenario(directory)
    assert caught.value.line == line
    assert words in caught.value.message


def test_minimal_scenario_loads_with_defaults(tmp_path: Path) -> None:
    scenario = load_scenario(_write(tmp_path / "s", MINIMAL))
    spec = scenario.spec("torch")
    assert spec.starter == tmp_path / "s" / "starter_torch.py"
    assert spec.hints == scenario.hints
    assert spec.check[0].rtol == 1e-5 and spec.check[0].values is None
    with pytest.raises(KeyError):
        scenario.spec("tensorflow")
