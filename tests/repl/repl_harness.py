"""Drives a REPL headless: keystrokes through prompt_toolkit's pipe input, output into a string."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from gradrepl.repl.loop import read_eval_print
from gradrepl.repl.printer import Printer
from gradrepl.repl.prompt import create_prompt
from gradrepl.repl.state import ReplState, RunnerLike

ENTER = "\r"
ALT_ENTER = "\x1b\r"
CTRL_C = "\x03"
TAB = "\t"
PASTE_START = "\x1b[200~"
PASTE_END = "\x1b[201~"


def new_state(runner: RunnerLike, framework: str, **fields: object) -> ReplState:
    """A fresh session on a shared runner, printing into a StringIO."""
    return ReplState(runner=runner, framework=framework, printer=Printer(io.StringIO(), color=False), **fields)  # type: ignore[arg-type]


def output(state: ReplState) -> str:
    stream = state.printer.stream
    assert isinstance(stream, io.StringIO)
    return stream.getvalue()


def drive(state: ReplState, keys: Iterable[str] | str, *, pause: float = 0.0, history: Path | None = None) -> str:
    """Type ``keys`` into the REPL until the input ends; return only what this printed.

    With ``pause``, the chunks of ``keys`` arrive that many seconds apart (as a
    person types), for what the prompt does in the background (loading history).
    """
    before = len(output(state))
    chunks = [keys] if isinstance(keys, str) else list(keys)
    with create_pipe_input() as pipe:
        session = create_prompt(state, history_file=history, input=pipe, output=DummyOutput())

        def feed() -> None:
            for chunk in chunks:
                pipe.send_text(chunk)
                time.sleep(pause)
            pipe.close()

        typist = threading.Thread(target=feed, daemon=True)
        typist.start()
        read_eval_print(state, session)
        typist.join()
    return output(state)[before:]


def lines(*inputs: str) -> str:
    """Each input typed and followed by Enter."""
    return "".join(text + ENTER for text in inputs)
