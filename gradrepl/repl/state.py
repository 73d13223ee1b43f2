"""Provides ReplState: the one object a REPL session is built from (ptpython's idea).

The prompt, key bindings, completer and every meta-command read and change
this object; nothing else holds session state. It knows the runner and the
framework, the session's inputs (``Transcript``), what the last runs reported,
the loaded scenario and how many of its hints were shown.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest
from gradrepl.core.scenario import Scenario
from gradrepl.errors import GradreplError
from gradrepl.repl.printer import Printer
from gradrepl.repl.transcript import Transcript

FRAMEWORKS = ("torch", "tensorflow")
GRADIENT_EVENTS = ("backward", "tape_gradient", "autograd_grad")
"""Event kinds of an input that computed gradients."""
_session_ids = itertools.count(1)


class RunnerLike(Protocol):
    """What the REPL uses of ``gradrepl.runner.runner.Runner``."""

    def start(self, framework: str) -> None: ...

    def is_ready(self, framework: str) -> bool: ...

    def run(self, framework: str, request: RunRequest) -> RunReport: ...

    def interrupt(self, framework: str) -> None: ...

    def cancel(self, framework: str) -> None: ...

    def complete(self, framework: str, session: str, prefix: str) -> list[str]: ...

    def drop_session(self, framework: str, session: str) -> None: ...


def new_session_id() -> str:
    """A fresh key for a worker namespace: ``repl-1``, ``repl-2`` ..."""
    return f"repl-{next(_session_ids)}"


@dataclass
class ReplState:
    """Everything one REPL session knows; the faces' modules are functions of it."""

    runner: RunnerLike
    framework: str
    printer: Printer = field(default_factory=Printer)
    session: str = field(default_factory=new_session_id)
    """The worker namespace this session's inputs run in."""
    transcript: Transcript = field(default_factory=Transcript)
    timeout: float = 3600.0
    """Seconds one input may run: long enough for a training loop; Ctrl-C stops it sooner."""
    content: str | None = None
    """``--content DIR``: where ``:load`` finds scenarios."""
    vi_mode: bool = False
    last_report: RunReport | None = None
    """The report of the last input that ran."""
    grad_report: RunReport | None = None
    """The report of the latest input that took gradients (``backward``, ``tape.gradient``):
    its diagnosis saw the events that made them; TF's gradients live only in it."""
    bound: list[str] = field(default_factory=list)
    """Names the session's inputs bound, to say what a lost worker took with it."""
    scenario: Scenario | None = None
    script: Path | None = None
    """The script (or the scenario's starter) run when the session began."""
    hints_shown: int = 0
    last_target: str | None = None
    """The variable the last one-line diagnosis named: ``:why`` without an argument."""
    last_cause: str | None = None
    """The cause the last one-line diagnosis named: ``:hint`` without a scenario."""
    should_exit: bool = False

    def run(self, request: RunRequest) -> RunReport:
        """Run ``request`` in this session's framework (blocking; see ``interrupts``)."""
        return self.runner.run(self.framework, request)

    def complete(self, prefix: str) -> list[str]:
        """Names in the live namespace starting with ``prefix``; [] if the worker cannot say."""
        try:
            return self.runner.complete(self.framework, self.session, prefix)
        except GradreplError:  # completion is a convenience: a closed runner offers nothing
            return []

    def forget(self) -> None:
        """Drop the worker namespace and everything learnt from it; keep the scenario."""
        try:
            self.runner.drop_session(self.framework, self.session)
        except GradreplError as error:  # a framework that cannot start has no namespace to drop
            self.printer.info(f"note: {error}")
        self.session = new_session_id()
        self.transcript.clear()
        self.bound.clear()
        self.last_report = None
        self.grad_report = None
        self.last_target = None
        self.last_cause = None

    def remember(self, report: RunReport, names: list[str]) -> None:
        """Keep what an input's report taught: its graph, the names it bound."""
        self.last_report = report
        if any(e.kind in GRADIENT_EVENTS for e in report.events):
            self.grad_report = report
        self.bound.extend(n for n in names if n not in self.bound)
