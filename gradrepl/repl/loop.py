"""Provides the read-eval-print loop: read an input, run it or dispatch the command, repeat."""

from __future__ import annotations

from prompt_toolkit import PromptSession

from gradrepl.errors import GradreplError
from gradrepl.repl import commands, execute
from gradrepl.repl.entry import finished_text
from gradrepl.repl.state import ReplState
from gradrepl.repl.validator import is_command


def read_eval_print(state: ReplState, session: PromptSession[str]) -> None:
    """Prompt until Ctrl-D, ``:quit`` or the end of the input."""
    while not state.should_exit:
        try:
            text = session.prompt()
        except KeyboardInterrupt:  # Ctrl-C at the prompt drops the line, as in Python
            continue
        except EOFError:
            break
        handle(state, text)


def handle(state: ReplState, text: str) -> None:
    """One input: a meta-command or Python; never lets an error end the REPL."""
    text = finished_text(text)
    if not text.strip():
        return
    try:
        if is_command(text):
            commands.dispatch(state, text)
        else:
            execute.run_input(state, text)
    except GradreplError as error:
        state.printer.error(str(error))
    except KeyboardInterrupt:
        state.printer.error("KeyboardInterrupt")
