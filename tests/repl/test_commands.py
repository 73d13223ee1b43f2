"""Tests of the meta-commands' answers to missing or bad arguments, aliases and help."""

from __future__ import annotations

from pathlib import Path

from repl_harness import drive, lines, new_state

from gradrepl.repl.commands import COMMANDS, TABLE
from gradrepl.repl.commands.base import parse, suggestion
from gradrepl.runner.runner import Runner

SETUP = (
    "import fakegrad",
    "x = fakegrad.tensor(2.0, requires_grad=True)",
    "y = x.detach() * 3",
    "loss = x * x + y",
    "loss.backward()",
)


def test_parse_and_suggest() -> None:
    assert parse(":WHY   x.grad ") == ("why", "x.grad")
    assert parse(":") == ("", "")
    assert suggestion("tre", TABLE) == "Unknown command :tre. Did you mean :tree? (:help lists the commands)"
    assert suggestion("zzzz", TABLE) == "Unknown command :zzzz. (:help lists the commands)"


def test_every_alias_is_unique_and_reaches_its_command() -> None:
    names = [alias for c in COMMANDS for alias in (c.name, *c.aliases)]
    assert len(names) == len(set(names))
    assert all(TABLE[alias].name == c.name for c in COMMANDS for alias in c.aliases)


def test_help_lists_every_command_and_explains_one(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    listing = drive(state, lines(":help"))
    assert all(f"  {c.usage}" in listing for c in COMMANDS)
    assert drive(state, lines(":? why")).splitlines() == [
        ":why [EXPR]  (also :w)",
        "  full findings for a tensor or variable (default: the last one diagnosed)",
    ]
    assert "Did you mean :grads?" in drive(state, lines(":help grds"))


def test_quit_leaves_before_later_inputs(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    drive(state, lines(":q", "never = 1"))
    assert state.should_exit and not state.transcript.entries


def test_aliases_run_their_command(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    drive(state, lines(*SETUP))
    assert drive(state, lines(":g")) == drive(state, lines(":grads"))


def test_framework_names_the_current_one_and_refuses_unknown_ones(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    assert drive(state, lines(":framework")).startswith("framework: fake")
    assert drive(state, lines(":fw jax")).strip() == "unknown framework 'jax'; expected one of: torch, tensorflow"
    assert state.framework == "fake"


def test_save_explains_what_it_needs(fake_runner: Runner, tmp_path: Path) -> None:
    state = new_state(fake_runner, "fake")
    assert drive(state, lines(":save")).startswith("Usage: :save FILE")
    assert drive(state, lines(f":save {tmp_path / 'a.py'}")).startswith("Nothing to save yet")
    drive(state, lines("a = 1"))
    missing = tmp_path / "no" / "such" / "dir" / "a.py"
    assert drive(state, lines(f":save {missing}")).strip() == f"{missing}: cannot write the script: No such file or directory"


def test_hint_without_a_scenario_follows_the_last_diagnosis(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    assert drive(state, lines(":hint")).startswith("No hints yet")
    state.last_cause = "detach"
    first = drive(state, lines(":h"))
    assert first.startswith("Hint 1/") and "(detach() cut the path to the loss)" in first


def test_check_without_a_scenario_lists_what_is_wrong(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    assert drive(state, lines(":check")).strip() == "No tensors or variables in the session yet."
    drive(state, lines(*SETUP))
    out = drive(state, lines(":c"))
    assert out.splitlines() == ["y: The tensor never asked for a gradient  (:why y)"]


def test_load_without_an_argument_lists_the_scenarios(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    out = drive(state, lines(":load"))
    assert out.startswith("Usage: :load SCENARIO")
    assert out.splitlines()[1].startswith("Scenarios: ")
