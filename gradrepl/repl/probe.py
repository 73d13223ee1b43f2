"""Provides probe(): look at the live session without running any user statement.

``:why``, ``:tree``, ``:grads`` and ``:check`` ask the worker to evaluate
target expressions in the session's namespace (an empty, unrecorded run); the
runner diagnoses what comes back. Provenance events belong to the run that
recorded them (their uids mean nothing in another run), so a probe's
diagnosis rests on what the objects themselves still show: their graph, their
gradients, the lines stored on their graph nodes.
"""

from __future__ import annotations

from typing import Any

from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest
from gradrepl.repl import interrupts
from gradrepl.repl.state import ReplState
from gradrepl.repl.transcript import FILENAME

PROBE_TIMEOUT = 60.0
"""Seconds a probe may take: evaluating targets and walking a large graph."""


def probe(state: ReplState, targets: list[str] | None, checks: list[dict[str, Any]] | None = None) -> RunReport:
    """The session's variables (``targets=None``: all of them), diagnosed."""
    request = RunRequest(
        code="",
        filename=FILENAME,
        targets=targets,
        session=state.session,
        record=False,
        timeout=PROBE_TIMEOUT,
        checks=list(checks or []),
    )
    return interrupts.call(state, lambda: state.run(request))


def target_failed(report: RunReport, target: str) -> str | None:
    """Why ``target`` could not be looked at, in one sentence; None when it could."""
    if report.outcome in ("timeout", "crashed", "cancelled"):
        detail = report.error.message if report.error else report.outcome
        return f"the worker could not evaluate {target}: {detail}"
    if target in report.target_errors:
        return f"{target} did not evaluate: {report.target_errors[target]}"
    return None
