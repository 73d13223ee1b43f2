"""Provides probe(): look at the live session without running any user statement.

``:why``, ``:tree``, ``:grads`` and ``:check`` ask the worker to evaluate
target expressions in the session's namespace (an empty, unrecorded run) and
then diagnose the result together with the provenance events of every input
so far: a ``detach`` three inputs ago still explains today's None.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from gradrepl.core.report import Event, RunReport
from gradrepl.core.request import RunRequest
from gradrepl.diagnosis.engine import diagnose
from gradrepl.repl import interrupts
from gradrepl.repl.state import ReplState
from gradrepl.repl.transcript import FILENAME

PROBE_TIMEOUT = 60.0
"""Seconds a probe may take: evaluating targets and walking a large graph."""


def probe(state: ReplState, targets: list[str] | None, checks: list[dict[str, Any]] | None = None) -> RunReport:
    """The session's variables (``targets=None``: all of them) diagnosed with its history."""
    request = RunRequest(
        code="",
        filename=FILENAME,
        targets=targets,
        session=state.session,
        record=False,
        timeout=PROBE_TIMEOUT,
        checks=list(checks or []),
    )
    report = interrupts.call(state, lambda: state.run(request))
    return with_history(report, state)


def with_history(report: RunReport, state: ReplState) -> RunReport:
    """``report`` (of a probe) re-diagnosed with the session's events and losses added."""
    return rediagnosed(report, [*state.events, *report.events], [*report.losses, *state.losses])


def rediagnosed(report: RunReport, events: list[Event], losses: list[str]) -> RunReport:
    """A copy of ``report`` with these events and losses, and the findings they lead to."""
    merged = dataclasses.replace(report, events=events, losses=list(dict.fromkeys(losses)))
    if report.outcome in ("completed", "raised"):
        merged.findings = diagnose(merged)
    return merged


def target_failed(report: RunReport, target: str) -> str | None:
    """Why ``target`` could not be looked at, in one sentence; None when it could."""
    if report.outcome in ("timeout", "crashed", "cancelled"):
        detail = report.error.message if report.error else report.outcome
        return f"the worker could not evaluate {target}: {detail}"
    if target in report.target_errors:
        return f"{target} did not evaluate: {report.target_errors[target]}"
    return None
