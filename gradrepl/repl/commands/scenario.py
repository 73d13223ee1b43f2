"""Provides ``:load``, ``:hint`` and ``:check``: working through a scenario in the REPL."""

from __future__ import annotations

from gradrepl.core import causes
from gradrepl.core.checks import judge_solution, solution_requests
from gradrepl.core.scenario import HINT_LEVELS
from gradrepl.render.findings import by_target, cause_title
from gradrepl.repl import loading
from gradrepl.repl.probe import gradients
from gradrepl.repl.state import ReplState


def load(state: ReplState, arg: str) -> None:
    """Load a scenario (id or directory) or a script into a fresh session."""
    if not arg:
        ids = loading.scenario_ids(state.content)
        state.printer.info("Usage: :load SCENARIO (an id or a directory) or :load SCRIPT.py")
        if ids:
            state.printer.write("Scenarios: " + ", ".join(ids))
        return
    loading.load(state, loading.resolve(arg, state.content))


def hint(state: ReplState, arg: str) -> None:
    """The next hint: the scenario's (concept, location, fix), else the last diagnosed cause's."""
    if state.scenario is not None:
        hints: tuple[str, ...] = state.scenario.spec(state.framework).hints.levels()
        labels: tuple[str, ...] = HINT_LEVELS
    elif state.last_cause is not None and causes.is_known(state.last_cause):
        hints = causes.get(state.last_cause).hints
        labels = tuple(cause_title(state.last_cause) for _ in hints)
    else:
        state.printer.info("No hints yet: :load a scenario, or run code until a gradient comes back None.")
        return
    if state.hints_shown >= len(hints):
        state.printer.info("That was the last hint. :check tells you whether your fix works.")
        return
    index = state.hints_shown
    state.hints_shown += 1
    state.printer.write(f"Hint {index + 1}/{len(hints)} ({labels[index]}): {hints[index].strip()}", "notice")


def check(state: ReplState, arg: str) -> None:
    """Judge the live session: the scenario's checks, or every variable's diagnosis."""
    if state.scenario is None:
        _check_session(state)
        return
    spec = state.scenario.spec(state.framework)
    report = gradients(state, list(spec.targets), solution_requests(spec))
    verdicts = judge_solution(spec, report)
    prefix = f"{spec.solution.name}: "
    for verdict in verdicts:
        mark, tone = ("ok  ", "ok") if verdict.passed else ("FAIL", "error")
        state.printer.write(f"{mark} {verdict.message.removeprefix(prefix)}", tone)  # type: ignore[arg-type]
    if all(v.passed for v in verdicts):
        state.printer.write(f"Solved: {state.scenario.title}.", "ok")
    else:
        state.printer.info("Not yet. :why NAME explains a gradient; :hint gives a hint.")


def _check_session(state: ReplState) -> None:
    report = gradients(state, None)
    tops = [group[0] for group in by_target(report.findings).values()]
    problems = [f for f in tops if f.cause != causes.NONE and f.target != "_"]
    if not report.variables:
        state.printer.info("No tensors or variables in the session yet.")
    elif not problems:
        state.printer.write("Every tensor or variable that asks for a gradient has a finite one.", "ok")
    for finding in problems:
        line = f" (line {finding.line})" if finding.line is not None else ""
        state.printer.write(f"{finding.target}: {cause_title(finding.cause)}{line}  (:why {finding.target})", "notice")
