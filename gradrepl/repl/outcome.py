"""Provides how the REPL shows what a run printed and how it ended.

Output first, as Python does; then an error as a traceback whose ``<repl>``
frames show the line the user typed (the worker has no source for them); then
anything that happened to the worker itself, with the names the session lost.
"""

from __future__ import annotations

import re

from gradrepl.core.report import ErrorInfo, RunReport
from gradrepl.repl.printer import Printer
from gradrepl.repl.transcript import FILENAME, Transcript

_FRAME = re.compile(r'^\s*File "' + re.escape(FILENAME) + r'", line (\d+)')
LOST_OUTCOMES = ("timeout", "crashed")
"""Outcomes after which the worker was replaced and the namespace is gone."""


def show_output(printer: Printer, report: RunReport) -> None:
    """What the user's code wrote to stdout and stderr."""
    if report.stdout:
        printer.write(report.stdout, "plain")
    if report.stderr:
        printer.write(report.stderr, "error")
    if report.output_truncated:
        printer.info("(output truncated)")


def show_error(printer: Printer, report: RunReport, transcript: Transcript) -> None:
    """The exception the user's code raised, like Python's REPL shows it."""
    error = report.error
    if error is None or report.outcome != "raised":
        return
    if error.type == "KeyboardInterrupt":
        printer.error("KeyboardInterrupt")
        return
    printer.error(traceback_text(error, transcript))


def traceback_text(error: ErrorInfo, transcript: Transcript) -> str:
    """The trimmed traceback showing, for ``<repl>`` frames, the line as the user typed it."""
    head = f"{error.type}: {error.message}" if error.message else error.type
    if not error.traceback.strip():
        where = f"line {error.line}: " if error.line else ""
        source = transcript.line(error.line) if error.line else None
        return f"{where}{source.strip()}\n{head}" if source else f"{where}{head}"
    out: list[str] = []
    skipping = False
    for line in error.traceback.rstrip("\n").split("\n"):
        if skipping and line.startswith("    "):
            continue  # the worker's copy of the line (rewritten to keep a value) and its carets
        skipping = False
        out.append(line)
        match = _FRAME.match(line)
        if match:
            skipping = True
            source = transcript.line(int(match.group(1)))
            if source and source.strip():
                out.append(f"    {source.strip()}")
    if not out[-1].startswith(error.type):
        out.append(head)
    return "\n".join(out)


def session_lost(report: RunReport, session: str) -> bool:
    """Whether the worker holding ``session`` was replaced during (or before) this run.

    The runner names the session in a warning whenever that happens (timeout,
    crash, a cancel that had to kill, memory growth, an earlier loss).
    """
    return report.outcome in LOST_OUTCOMES or any(f"'{session}'" in w for w in report.warnings)


def show_lost(printer: Printer, report: RunReport, session: str, names: list[str]) -> bool:
    """Say what happened to the worker and which names went with it; True if the session was lost."""
    lost = session_lost(report, session)
    for warning in report.warnings:
        if not (lost and f"'{session}'" in warning):  # the loss gets its own, clearer message
            printer.info(f"note: {warning}")
    if report.outcome == "cancelled":
        printer.error("KeyboardInterrupt (the run was cancelled)")
    elif report.outcome in LOST_OUTCOMES:
        reason = report.error.message if report.error and report.error.message else report.outcome
        printer.error(f"The input was stopped: {reason}" if report.outcome == "timeout" else f"The worker stopped: {reason}")
    if not lost:
        return False
    if names:
        printer.notice("The worker was restarted; these names are gone: " + ", ".join(names))
    else:
        printer.notice("The worker was restarted with an empty namespace.")
    printer.info("Your inputs are kept: :save FILE writes them as a script.")
    return True
