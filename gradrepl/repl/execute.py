"""Provides run_input(): one REPL input through the worker, and everything shown after it.

An input runs in the session's namespace with its lines numbered as in the
session script. When its last statement is an expression, the value is kept
and then shown by a second, unrecorded step (``display``). After the output
come the error, if any, what happened to the worker, and a one-line diagnosis
for every gradient the input found to be None (``notices``).
"""

from __future__ import annotations

from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest
from gradrepl.repl import interrupts, notices
from gradrepl.repl.display import DISPLAY_FILENAME, display_code
from gradrepl.repl.outcome import show_error, show_lost, show_output
from gradrepl.repl.source import bound_names, capture_last_value, restore_lines
from gradrepl.repl.state import ReplState
from gradrepl.repl.transcript import FILENAME, Entry, EntryOutcome

DISPLAY_TIMEOUT = 30.0
"""Seconds the value display may take (a huge repr); it is never the user's real work."""


def run_input(state: ReplState, text: str, origin: str = "") -> RunReport:
    """Run ``text`` as the session's next input and show its results."""
    entry = state.transcript.add(text, origin)
    code, captured = capture_last_value(entry.source)
    request = RunRequest(
        code=state.transcript.positioned(entry, code),
        filename=FILENAME,
        session=state.session,
        timeout=state.timeout,
    )
    if not state.runner.is_ready(state.framework):
        state.printer.info(f"(waiting for {state.framework} to load ...)")
    report = interrupts.call(state, lambda: state.run(request))
    entry.outcome = _entry_outcome(report)
    if captured:  # a warning quotes its line from the rewritten code; show what was typed
        report.stderr = restore_lines(report.stderr, entry.source, code)
    show_output(state.printer, report)
    if report.outcome == "completed" and captured:
        _show_value(state)
    show_error(state.printer, report, state.transcript)
    if show_lost(state.printer, report, state.session, state.bound):
        _forget_lost(state, entry)
    else:
        state.remember(report, bound_names(entry.source))
    notices.announce(state, report)
    return report


def _show_value(state: ReplState) -> None:
    request = RunRequest(
        code=display_code(),
        filename=DISPLAY_FILENAME,
        targets=[],
        session=state.session,
        record=False,
        timeout=DISPLAY_TIMEOUT,
    )
    shown = interrupts.call(state, lambda: state.run(request))
    if shown.stdout:
        state.printer.write(shown.stdout, "value")
    if shown.outcome != "completed" and shown.error is not None:
        state.printer.error(f"(the value could not be shown: {shown.error.type}: {shown.error.message})")


def _forget_lost(state: ReplState, entry: Entry) -> None:
    """The worker was replaced: its namespace, and what was learnt from it, are gone."""
    state.last_report = None
    state.grad_report = None
    state.bound.clear()
    for earlier in state.transcript.entries:
        if earlier is not entry and earlier.outcome == "completed":
            earlier.outcome = "lost"


def _entry_outcome(report: RunReport) -> EntryOutcome:
    if report.outcome == "completed":
        return "completed"
    if report.error is not None and report.error.type == "KeyboardInterrupt":
        return "interrupted"
    return "raised" if report.outcome == "raised" else "interrupted"
