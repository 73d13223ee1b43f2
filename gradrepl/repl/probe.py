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

from gradrepl.core.report import GradState, RunReport
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
    """The session's gradients, diagnosed with the most the REPL knows about them.

    A probe sees the objects as they are now but none of the events that made
    them (those belong to the inputs that ran). The latest input that took
    gradients saw those events, so its diagnosis of a variable is kept while
    the variable's gradient still looks as that input left it. A TensorFlow
    gradient exists only as the value ``tape.gradient`` returned inside that
    input (a probe finds none), so there the input's variable is kept as well.
    """
    return with_gradient_history(state, probe(state, targets, checks))


def with_gradient_history(state: ReplState, live: RunReport) -> RunReport:
    """``live`` with the latest gradient-taking input's view of each variable it still holds."""
    source = state.grad_report
    if source is None or source is live or live.outcome not in ("completed", "raised"):
        return live
    keep_variable = state.framework == "tensorflow"
    variables, trusted = [], set()
    for var in live.variables:
        earlier = source.variable(var.name)
        if earlier is not None and (keep_variable or _same_gradient(earlier.grad, var.grad)):
            trusted.add(var.name)
            var = earlier if keep_variable else var
        variables.append(var)
    merged = dataclasses.replace(live, variables=variables)
    merged.findings = [f for f in source.findings if f.target in trusted]
    merged.findings += [f for f in live.findings if f.target not in trusted]
    if keep_variable and source.graph is not None:
        merged.graph = source.graph
    return merged


def _same_gradient(a: GradState, b: GradState) -> bool:
    return a.kind == b.kind and a.shape == b.shape and a.norm == b.norm and a.sample == b.sample


def target_failed(report: RunReport, target: str) -> str | None:
    """Why ``target`` could not be looked at, in one sentence; None when it could."""
    if report.outcome in ("timeout", "crashed", "cancelled"):
        detail = report.error.message if report.error else report.outcome
        return f"the worker could not evaluate {target}: {detail}"
    if target in report.target_errors:
        return f"{target} did not evaluate: {report.target_errors[target]}"
    return None
