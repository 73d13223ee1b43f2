"""Provides the one-line diagnosis printed right after an input that met a None gradient.

When an input reads a ``.grad`` that is None (torch) or ``tape.gradient``
hands back None (TensorFlow), the REPL says at once which variable, on which
line, the most likely cause and where it happened, and points at ``:why``:

    y.grad is None (line 6): the tensor never asked for a gradient, at line 3.  :why y

The recorders report these as ``grad_read`` events (torch: ``detail["none_uids"]``
names the tensors by uid) and ``tape_gradient`` events (TF: ``detail["none"]``
names the sources). A tensor the torch recorder had no uid for (one that never
required grad) still leaves the ``none_uids`` key behind; its name is then read
off the source line (``y.grad``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from gradrepl.core import causes
from gradrepl.core.report import Event, Finding, RunReport
from gradrepl.render.findings import by_target, cause_title
from gradrepl.repl.probe import with_gradient_history
from gradrepl.repl.state import ReplState

SourceLine = Callable[[int], "str | None"]
_GRAD_ATTR = re.compile(r"([A-Za-z_]\w*(?:\.\w+|\[[^\[\]]*\])*)\.grad\b(?!_)")
"""``x.grad``, ``model.fc.weight.grad``, ``model[0].weight.grad``: the expression before ``.grad``."""
_KINDS = {"grad_read": "{name}.grad", "tape_gradient": "The gradient of {name}"}


@dataclass(frozen=True)
class NoneGrad:
    """One place where user code got None for a gradient."""

    target: str
    """The variable's name as the user wrote it."""
    what: str
    """``x.grad`` or ``The gradient of w``."""
    line: int | None


def none_gradients(report: RunReport, source_line: SourceLine = lambda n: None) -> list[NoneGrad]:
    """Every None gradient the run handed to user code, each variable once, in order."""
    names = {v.uid: v.name for v in report.variables}
    seen: dict[str, NoneGrad] = {}
    for event in report.events:
        for found in _from_event(event, names, source_line):
            seen.setdefault(found.target, found)
    return list(seen.values())


def _from_event(event: Event, names: dict[int, str], source_line: SourceLine) -> list[NoneGrad]:
    template = _KINDS.get(event.kind)
    detail = event.detail
    said = [n for n in detail.get("none", []) if isinstance(n, str)] if isinstance(detail.get("none"), list) else []
    if template is None or ("none_uids" not in detail and not said):
        return []
    nones = said + _named(detail.get("none_uids"), names)
    if not nones and event.kind == "grad_read" and event.line is not None:
        present = set(_named(detail.get("present_uids"), names))
        text = source_line(event.line) or ""
        nones = [n for n in dict.fromkeys(_GRAD_ATTR.findall(text)) if n not in present]
    return [NoneGrad(name, template.format(name=name), event.line) for name in dict.fromkeys(nones)]


def _named(uids: object, names: dict[int, str]) -> list[str]:
    if not isinstance(uids, list):
        return []
    return [names[uid] for uid in uids if isinstance(uid, int) and uid in names]


def line_for(found: NoneGrad, finding: Finding | None) -> str:
    """The one line shown for a None gradient and its top finding."""
    where = f" (line {found.line})" if found.line is not None else ""
    head = f"{found.what} is None{where}"
    if finding is None or finding.cause in (causes.NONE, ""):
        return f"{head}.  :why {found.target}"
    at = f", at line {finding.line}" if finding.line is not None and finding.line != found.line else ""
    return f"{head}: {_sentence(cause_title(finding.cause))}{at}.  :why {found.target}"


def _sentence(title: str) -> str:
    """``The tensor never asked ...`` → ``the tensor never asked ...`` (not ``NumPy`` → ``numPy``)."""
    first = title.split(" ", 1)[0]
    return title[:1].lower() + title[1:] if first[1:] == first[1:].lower() else title


def announce(state: ReplState, report: RunReport) -> None:
    """Print one line per None gradient the input met; remember the last for ``:why``/``:hint``."""
    found = none_gradients(report, state.transcript.line)
    if not found:
        return
    judged = with_gradient_history(state, report)
    tops = {target: group[0] for target, group in by_target(judged.findings).items()}
    for item in found:
        finding = tops.get(item.target)
        state.printer.notice(line_for(item, finding))
        state.last_target = item.target
        if finding is not None and finding.cause != causes.NONE:
            state.last_cause = finding.cause
