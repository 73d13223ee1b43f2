"""Tests of a REPL session over the real runner with the fake framework (fakegrad): fast, no torch."""

from __future__ import annotations

import _thread
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from repl_harness import ALT_ENTER, PASTE_END, PASTE_START, drive, lines, new_state

from gradrepl.repl.state import ReplState
from gradrepl.runner.runner import Runner

Press = Callable[[ReplState, int, int], None]

SETUP = (
    "import fakegrad",
    "x = fakegrad.tensor(2.0, requires_grad=True)",
    "y = x.detach() * 3",
    "loss = x * x + y",
    "loss.backward()",
)


def test_expression_values_print_like_python(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    out = drive(state, lines("1 + 1", "None", "print('hi')", "'text'", "_ * 2"))
    assert out.split("\n")[:-1] == ["2", "hi", "'text'", "'texttext'"]


def test_namespace_persists_and_lines_number_like_one_script(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    out = drive(state, lines("def f(a):", "return 1 / a", "", "n = 0", "f(n)"))
    # the error is inside f, defined by the first input: its own line 2, shown as typed
    assert 'File "<repl>", line 2, in f' in out
    assert "    return 1 / a" in out
    assert out.rstrip().endswith("ZeroDivisionError: division by zero")
    assert [e.first_line for e in state.transcript.entries] == [1, 3, 4]
    assert state.transcript.entries[-1].outcome == "raised"


def test_grads_table_lists_variables_with_their_gradients(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    drive(state, lines(*SETUP))
    out = drive(state, lines(":grads"))
    rows = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert out.splitlines()[0].split() == ["name", "kind", "shape", "dtype", "requires_grad", "leaf", "grad", "diagnosis"]
    assert rows["x"].split()[6] == "4"
    assert "None" in rows["y"].split()


def test_tree_shows_the_latest_loss_graph(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    drive(state, lines(*SETUP))
    out = drive(state, lines(":tree"))
    first, *rest = out.splitlines()
    assert first.startswith("loss")
    assert any(line.startswith("├─ ") or line.startswith("└─ ") for line in rest)
    assert any("x  grad 4" in line for line in rest)


def test_tree_before_any_backward_says_there_is_no_graph(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    assert "No gradient graph yet" in drive(state, lines(":tree"))


def test_why_explains_a_variable(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    drive(state, lines(*SETUP))
    out = drive(state, lines(":why y"))
    assert out.startswith("y: gradient is None")
    assert "cause:" in out


def test_why_of_an_unknown_name_is_one_sentence(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    out = drive(state, lines(":why nothing_here"))
    assert out.strip() == "nothing_here did not evaluate: NameError: name 'nothing_here' is not defined"


def test_unknown_command_gets_a_suggestion(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    assert "Unknown command :wyh. Did you mean :why?" in drive(state, lines(":wyh x"))
    assert "Did you mean :grads?" in drive(state, lines(":grad"))


def test_save_writes_a_script_with_the_session_line_numbers(fake_runner: Runner, tmp_path: Path) -> None:
    state = new_state(fake_runner, "fake")
    target = tmp_path / "session.py"
    drive(state, lines("a = 1", "b = a / 0", "for i in range(2):", "a += i", "", f":save {target}"))
    script = target.read_text()
    assert script == "a = 1\n# (raised) b = a / 0\nfor i in range(2):\n    a += i\n"
    namespace: dict[str, object] = {}
    exec(compile(script, str(target), "exec"), namespace)
    assert namespace["a"] == 2


def test_reset_empties_the_namespace(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    out = drive(state, lines("kept = 1", ":reset", "kept"))
    assert "The session was reset (kept are gone)." in out
    assert "NameError: name 'kept' is not defined" in out
    assert [e.source for e in state.transcript.entries] == ["kept"]


def test_load_runs_a_script_as_the_first_input(fake_runner: Runner, tmp_path: Path) -> None:
    script = tmp_path / "train.py"
    script.write_text("import fakegrad\nw = fakegrad.tensor(3.0, requires_grad=True)\nprint('loaded')\n")
    state = new_state(fake_runner, "fake")
    out = drive(state, lines(f":load {script}", "w"))
    assert "loaded" in out.splitlines()
    assert out.splitlines()[-1] == "Value(3)"
    assert state.transcript.entries[0].origin.endswith("train.py")
    assert state.transcript.entries[1].first_line == 4


def test_load_of_nothing_known_is_one_sentence(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    out = drive(state, lines(":load no-such-scenario-anywhere"))
    assert out.startswith("no script, scenario directory or scenario id called 'no-such-scenario-anywhere'")
    assert len(out.splitlines()) == 1


@pytest.fixture
def ctrl_c() -> Iterator[Press]:
    """Press Ctrl-C (``presses`` times, 0.5 s apart) once the session's ``entry``-th input runs."""
    stop = threading.Event()

    def press(state: ReplState, entry: int, presses: int) -> None:
        def later() -> None:
            while len(state.transcript.entries) < entry and not stop.wait(0.02):
                pass
            for _ in range(presses):
                if stop.wait(0.5):
                    return
                _thread.interrupt_main()

        threading.Thread(target=later, daemon=True).start()

    yield press
    stop.set()


def test_ctrl_c_interrupts_a_long_input_and_the_session_survives(fake_runner: Runner, ctrl_c: Press) -> None:
    state = new_state(fake_runner, "fake")
    drive(state, lines("kept = 41", "spins = 0"))
    ctrl_c(state, 3, 1)
    out = drive(state, lines("while True:", "spins += 1", "", "kept + 1", "spins > 0"))
    assert "KeyboardInterrupt" in out
    assert out.splitlines()[-2:] == ["42", "True"]
    assert state.transcript.entries[2].outcome == "interrupted"


def test_second_ctrl_c_stops_code_that_swallows_the_first(fake_runner: Runner, tmp_path: Path, ctrl_c: Press) -> None:
    state = new_state(fake_runner, "fake")
    drive(state, lines("kept = 1", "import time"))
    stubborn = "while True:\n    try:\n        time.sleep(0.05)\n    except KeyboardInterrupt:\n        pass"
    ctrl_c(state, 3, 2)
    out = drive(state, PASTE_START + stubborn + PASTE_END + ALT_ENTER + lines("kept"))
    assert "The worker was restarted; these names are gone: kept, time" in out
    assert "NameError: name 'kept' is not defined" in out
    target = tmp_path / "kept.py"
    drive(state, lines(f":save {target}"))
    assert target.read_text().startswith("kept = 1\nimport time\n# (was interrupted) while True:")


def test_the_first_input_says_it_waits_for_the_framework_to_load() -> None:
    with Runner(spare=False) as runner:  # a runner that has not started a worker yet
        state = new_state(runner, "fake")
        out = drive(state, lines("1 + 1", "2 + 2"))
    assert out.splitlines() == ["(waiting for fake to load ...)", "2", "4"]
