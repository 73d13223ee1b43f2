"""Provides probe(): look at the live session without running any user statement.

``:why``, ``:tree``, ``:grads`` and ``:check`` ask the worker to evaluate
target expressions in the session's namespace (an empty, unrecorded run); the
runner diagnoses what comes back. Provenance events belong to the run that
recorded them (their uids mean nothing in another run), so a probe's
diagnosis rests on what the objects themselves still show: their graph, their
gradients, the lines stored on their graph nodes.
"""

from __future__ import annotations

import dataclasses
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


def gradients(state: ReplState, targets: list[str] | None, checks: list[dict[str, Any]] | None = None) -> RunReport:
    """The session's gradients: live for torch, where ``.grad`` stays on the tensor.

    A TensorFlow gradient exists only as the value ``tape.gradient`` returned,
    inside the input that called it; a later probe sees every variable without
    one. So for TensorFlow each variable the latest gradient-taking input knew
    is taken from that input's report, with its diagnosis; the probe still
    supplies the rest, the target errors and the framework-side checks.
    """
    live = probe(state, targets, checks)
    source = state.grad_report
    if state.framework != "tensorflow" or source is None or live.outcome != "completed":
        return live
    wanted = {v.name for v in live.variables}
    known = {v.name: v for v in source.variables if v.name in wanted}
    merged = dataclasses.replace(live, variables=[known.get(v.name, v) for v in live.variables])
    merged.findings = [f for f in source.findings if f.target in known]
    merged.findings += [f for f in live.findings if f.target not in known]
    merged.graph = source.graph
    return merged


def target_failed(report: RunReport, target: str) -> str | None:
    """Why ``target`` could not be looked at, in one sentence; None when it could."""
    if report.outcome in ("timeout", "crashed", "cancelled"):
        detail = report.error.message if report.error else report.outcome
        return f"the worker could not evaluate {target}: {detail}"
    if target in report.target_errors:
        return f"{target} did not evaluate: {report.target_errors[target]}"
    return None
