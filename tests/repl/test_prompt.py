"""Tests of the prompt itself, driven headless: continuation, validation, paste, keys, history."""

from __future__ import annotations

from pathlib import Path

import pytest
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document
from prompt_toolkit.validation import ValidationError

from gradrepl.repl.completer import ReplCompleter
from gradrepl.repl.validator import PythonValidator
from gradrepl.runner.runner import Runner
from repl_harness import ALT_ENTER, CTRL_C, ENTER, PASTE_END, PASTE_START, drive, lines, new_state

DELETE = "\x1b[3~"
UP = "\x1b[A"
ESC = "\x1b"


def test_a_block_continues_indented_and_ends_on_an_empty_line(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    out = drive(state, lines("def double(a):", "return a * 2", "", "double(21)"))
    assert "42" in out.split()
    assert [e.source for e in state.transcript.entries] == ["def double(a):\n    return a * 2", "double(21)"]


def test_alt_enter_runs_an_unfinished_looking_block_at_once(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    out = drive(state, "for i in range(3):" + ENTER + "print(i * 10)" + ALT_ENTER)
    assert out.split() == ["0", "10", "20"]


def test_the_validator_puts_the_cursor_on_the_syntax_error() -> None:
    text = "a = 1\nb = (2 +\nc = 3"
    with pytest.raises(ValidationError) as caught:
        PythonValidator().validate(Document(text))
    assert text[caught.value.cursor_position] == "("
    assert "line 2" in caught.value.message
    PythonValidator().validate(Document(":why x"))  # commands are not Python


def test_a_refused_input_can_be_fixed_where_the_cursor_lands(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    # Enter is refused and the cursor moves to the second "="; Delete removes it.
    out = drive(state, "x = = 5" + ENTER + DELETE + ENTER + lines("x"))
    assert [e.source for e in state.transcript.entries] == ["x =  5", "x"]
    assert out.split() == ["5"]


def test_a_bracketed_paste_is_one_input(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    pasted = "a = 1\nb = a + 1\nfor i in range(2):\n    b += i\n"
    out = drive(state, PASTE_START + pasted + PASTE_END + ENTER + lines("b"))
    assert [e.source for e in state.transcript.entries] == [pasted.rstrip(), "b"]
    assert out.split() == ["3"]


def test_ctrl_c_at_the_prompt_drops_the_line(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    out = drive(state, "x = 5" + CTRL_C + lines("x = 6", "x"))
    assert out.split() == ["6"]
    assert len(state.transcript.entries) == 2


def test_vi_mode_edits_with_vi_keys(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake", vi_mode=True)
    # insert "yy = 2", Esc, go to column 0, delete a character, append "0", run
    out = drive(state, ["yy = 2", ESC, "0x", "A0" + ENTER, lines("y")])
    assert [e.source for e in state.transcript.entries] == ["y = 20", "y"]
    assert out.split() == ["20"]


def test_history_is_written_to_the_file_and_recalled_with_up(fake_runner: Runner, tmp_path: Path) -> None:
    history = tmp_path / "state" / "repl_history"
    drive(new_state(fake_runner, "fake"), lines("n = 7", "n = n + 1"), history=history)
    assert history.read_text().count("+n = n + 1") == 1
    state = new_state(fake_runner, "fake")  # a new session recalls the old one's inputs
    # Up twice: "n = 7"; then it is the newest entry, so Up twice reaches "n = n + 1".
    out = drive(state, [UP + UP, ENTER, UP + UP, ENTER, lines("n")], pause=0.3, history=history)
    assert [e.source for e in state.transcript.entries] == ["n = 7", "n = n + 1", "n"]
    assert out.split() == ["8"]


def test_completion_offers_names_from_the_live_namespace(fake_runner: Runner) -> None:
    state = new_state(fake_runner, "fake")
    drive(state, lines("import fakegrad", "weight_decay = 0.1", "x = fakegrad.tensor(1.0, requires_grad=True)"))
    completer = ReplCompleter(state)

    def complete(text: str) -> list[str]:
        return [c.text for c in completer.get_completions(Document(text), CompleteEvent(completion_requested=True))]

    assert "weight_decay" in complete("print(weig")
    assert "fakegrad.tensor" in complete("y = fakegrad.ten")
    assert "x.requires_grad" in complete("x.req")
    assert complete(":fr") == ["framework"]
    assert complete(":framework t") == ["torch", "tensorflow"]
    assert "weight_decay" in complete(":why wei")
