"""Provides the prompt_toolkit PromptSession a REPL reads its inputs with, built from ReplState.

Input and output can be injected (``create_pipe_input`` and ``DummyOutput`` in
tests; the terminal otherwise), as in ptpython's ``_create_application``.
"""

from __future__ import annotations

from pathlib import Path

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.history import FileHistory, History, InMemoryHistory
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output
from prompt_toolkit.styles import Style

from gradrepl.repl.completer import ReplCompleter
from gradrepl.repl.key_bindings import load_repl_bindings
from gradrepl.repl.lexer import ReplLexer
from gradrepl.repl.state import ReplState
from gradrepl.repl.validator import PythonValidator

STYLE = Style.from_dict(
    {
        "prompt": "ansigreen bold",
        "prompt.framework": "ansicyan",
        "continuation": "ansibrightblack",
        "command": "ansimagenta bold",
        "bottom-toolbar": "noreverse ansibrightblack",
    }
)
PROMPT = ">>> "


def create_prompt(
    state: ReplState,
    *,
    history_file: Path | None = None,
    input: Input | None = None,
    output: Output | None = None,
) -> PromptSession[str]:
    """The PromptSession for ``state``: highlighting, validation, completion, history, keys."""
    return PromptSession(
        message=lambda: prompt_message(state),
        prompt_continuation=continuation,
        multiline=True,
        lexer=ReplLexer(),
        validator=PythonValidator(),
        validate_while_typing=False,
        completer=ReplCompleter(state),
        complete_in_thread=True,
        complete_while_typing=False,
        auto_suggest=AutoSuggestFromHistory(),
        history=_history(history_file),
        key_bindings=load_repl_bindings(),
        vi_mode=state.vi_mode,
        enable_open_in_editor=True,
        bottom_toolbar=lambda: toolbar(state),
        style=STYLE,
        include_default_pygments_style=True,
        input=input,
        output=output,
    )


def _history(path: Path | None) -> History:
    if path is None:
        return InMemoryHistory()
    path.parent.mkdir(parents=True, exist_ok=True)
    return FileHistory(str(path))


def prompt_message(state: ReplState) -> FormattedText:
    """``torch >>> ``: the framework the input will run in, then Python's prompt."""
    return FormattedText([("class:prompt.framework", f"{state.framework} "), ("class:prompt", PROMPT)])


def continuation(width: int, line_number: int, is_soft_wrap: int) -> FormattedText:
    """``... `` right-aligned under the prompt, as Python's REPL continues a block."""
    return FormattedText([("class:continuation", "... ".rjust(width))])


def toolbar(state: ReplState) -> FormattedText:
    """One quiet line: what is loaded, and how to get help."""
    loaded = f"scenario {state.scenario.id}" if state.scenario else (state.script.name if state.script else "")
    parts = [state.framework, loaded, ":help  :why NAME  :tree  :grads", "Ctrl-D quits"]
    return FormattedText([("class:bottom-toolbar", "  " + "  ·  ".join(p for p in parts if p))])
