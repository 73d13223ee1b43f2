"""Provides the one-line diagnosis printed right after an input that met a None gradient.

When an input reads a ``.grad`` that is None (torch) or ``tape.gradient``
hands back None (TensorFlow), the REPL says at once which variable, on which
line, the most likely cause and where it happened, and points at ``:why``:

    x.grad is None (line 5): detach() cut the path to the loss, at line 3.  :why x
"""

from __future__ import annotations

from dataclasses import dataclass

from gradrepl.core import causes
from gradrepl.core.report import Event, Finding, RunReport
from gradrepl.render.findings import by_target, cause_title
from gradrepl.repl.probe import rediagnosed
from gradrepl.repl.state import ReplState


@dataclass(frozen=True)
class NoneGrad:
    """One place where user code got None for a gradient."""

    target: str
    """The variable's name as the user wrote it."""
    what: str
    """``x.grad`` or ``the gradient of w``."""
    line: int | None


def none_gradients(report: RunReport) -> list[NoneGrad]:
    """Every None gradient the run handed to user code, each variable once, in order."""
    names = {v.uid: v.name for v in report.variables}
    seen: dict[str, NoneGrad] = {}
    for event in report.events:
        for found in _from_event(event, names):
            seen.setdefault(found.target, found)
    return list(seen.values())


def _from_event(event: Event, names: dict[int, str]) -> list[NoneGrad]:
    """The None gradients one event handed out: ``detail["none_uids"]`` of a
    ``grad_read`` (torch ``.grad``) or ``tape_gradient`` (TF) event."""
    if event.kind not in ("grad_read", "tape_gradient"):
        return []
    uids = event.detail.get("none_uids") or []
    found = []
    for uid in uids if isinstance(uids, list) else []:
        name = names.get(uid) if isinstance(uid, int) else None
        if name:
            what = f"{name}.grad" if event.kind == "grad_read" else f"the gradient of {name}"
            found.append(NoneGrad(name, what, event.line))
    return found


def line_for(found: NoneGrad, finding: Finding | None) -> str:
    """The one line shown for a None gradient and its top finding."""
    where = f" (line {found.line})" if found.line is not None else ""
    head = f"{found.what} is None{where}"
    if finding is None or finding.cause in (causes.NONE, ""):
        return f"{head}.  :why {found.target}"
    at = f", at line {finding.line}" if finding.line is not None else ""
    return f"{head}: {_sentence(cause_title(finding.cause))}{at}.  :why {found.target}"


def _sentence(title: str) -> str:
    return title[:1].lower() + title[1:] if title[:2] != title[:2].upper() else title


def announce(state: ReplState, report: RunReport) -> None:
    """Print one line per None gradient the input met; remember the last for ``:why``/``:hint``."""
    found = none_gradients(report)
    if not found:
        return
    # The cause often lies in an earlier input (a detach two lines up): diagnose with all of them.
    judged = rediagnosed(report, list(state.events), [*report.losses, *state.losses])
    tops = {target: group[0] for target, group in by_target(judged.findings).items()}
    for item in found:
        finding = tops.get(item.target)
        state.printer.notice(line_for(item, finding))
        state.last_target = item.target
        if finding is not None and finding.cause != causes.NONE:
            state.last_cause = finding.cause
