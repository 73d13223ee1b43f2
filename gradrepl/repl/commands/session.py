"""Provides ``:reset``, ``:framework``, ``:save`` and ``:quit``: the session itself."""

from __future__ import annotations

from pathlib import Path

from gradrepl.errors import GradreplError
from gradrepl.repl import loading
from gradrepl.repl.state import FRAMEWORKS, ReplState

ALIASES = {"tf": "tensorflow", "pytorch": "torch"}


def reset(state: ReplState, arg: str) -> None:
    """Empty the namespace and forget the inputs; run the loaded script or scenario again."""
    names = list(state.bound)
    loading.reload(state)
    lost = f" ({', '.join(names)} are gone)" if names else ""
    state.printer.info(f"The session was reset{lost}.")


def framework(state: ReplState, arg: str) -> None:
    """Switch to torch or tensorflow: a new, empty session in that framework's worker."""
    if not arg:
        state.printer.write(f"framework: {state.framework}  (:framework {' | '.join(FRAMEWORKS)} switches)")
        return
    wanted = ALIASES.get(arg.lower(), arg.lower())
    if wanted not in FRAMEWORKS:
        raise GradreplError(f"unknown framework {arg!r}; expected one of: {', '.join(FRAMEWORKS)}")
    if wanted == state.framework:
        state.printer.info(f"Already using {wanted}.")
        return
    state.runner.start(wanted)  # an uninstalled framework fails here, before anything is dropped
    state.forget()  # drops the old framework's namespace before the switch
    state.framework = wanted
    state.printer.info(f"Switched to {wanted}; the new session starts empty.")
    if state.scenario is not None and wanted in state.scenario.frameworks:
        loading.reload(state)
    elif state.scenario is not None:
        state.printer.notice(f"{state.scenario.id} has no {wanted} version; it is no longer loaded.")
        state.scenario = None
        state.script = None
    else:
        state.script = None  # a script is written for one framework


def save(state: ReplState, arg: str) -> None:
    """Write the session's inputs as a script whose line numbers match the session's."""
    if not arg:
        state.printer.info("Usage: :save FILE (e.g. :save session.py)")
        return
    path = Path(arg).expanduser()
    if not state.transcript.entries:
        state.printer.info("Nothing to save yet: no input has run in this session.")
        return
    try:
        path.write_text(state.transcript.script(), encoding="utf-8")
    except OSError as error:
        raise GradreplError(f"cannot write the script: {error.strerror or error}", path=str(path)) from None
    lines = state.transcript.entries[-1].last_line
    state.printer.write(f"Wrote {lines} lines to {path}.", "ok")


def quit_repl(state: ReplState, arg: str) -> None:
    """Leave the REPL (Ctrl-D does the same)."""
    state.should_exit = True
