"""Provides loading a script or a scenario into a REPL session.

``gradrepl repl PATH`` and ``:load PATH`` accept a Python script, a scenario
directory, or a scenario id from the content in use or the user's own scenario
folders (``gradrepl.core.sources``). Loading starts a fresh
session and runs the script (for a scenario: its starter for the session's
framework) as the session's first input, so its lines keep their numbers.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from gradrepl.core import sources
from gradrepl.core.content import display_path
from gradrepl.core.grad_text import describe_grad
from gradrepl.core.scenario import Scenario, is_scenario_path, load_scenario
from gradrepl.errors import GradreplError
from gradrepl.repl.execute import run_input
from gradrepl.repl.probe import gradients
from gradrepl.repl.state import ReplState


def resolve(name: str, content: str | None) -> Scenario | Path:
    """A script path, or a loaded scenario; GradreplError naming what was not found."""
    path = Path(name).expanduser()
    if path.is_file() and path.suffix == ".py":
        return path
    if path.exists() and is_scenario_path(path) and (path / "scenario.toml").is_file():
        return load_scenario(path)
    if path.is_file() and path.name == "scenario.toml":
        return load_scenario(path.parent)
    if path.exists():
        raise GradreplError("not a Python script or a scenario directory", path=display_path(path))
    return _scenario_by_id(name, content)


def _scenario_by_id(name: str, content: str | None) -> Scenario:
    found, problems = sources.find_scenario(name, content)
    if found is not None:
        return found
    close = difflib.get_close_matches(name, scenario_ids(content), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else "; :load with no name lists the scenario ids"
    # a broken scenario folder of the user's may be why the id was not found: say so
    broken = "".join(f"\n  (skipped {problem})" for problem in problems)
    raise GradreplError(f"no script, scenario directory or scenario id called {name!r}{hint}{broken}")


def scenario_ids(content: str | None) -> list[str]:
    """The ids of the scenarios in the content in use and the user's folders ([] when none)."""
    return sources.scenario_ids(content)


def framework_for(target: Scenario | Path | None, framework: str) -> str:
    """The framework a session loading ``target`` runs in: ``framework`` if the target has it."""
    if isinstance(target, Scenario) and framework not in target.frameworks:
        return target.frameworks[0]
    return framework


def load(state: ReplState, target: Scenario | Path) -> None:
    """Start a fresh session with ``target`` loaded and run."""
    state.forget()
    state.hints_shown = 0
    if isinstance(target, Path):
        state.scenario, state.script = None, target
        _run_script(state, target, origin=display_path(target))
        return
    state.scenario = target
    wanted = framework_for(target, state.framework)
    if wanted != state.framework:
        state.printer.notice(f"{target.id} is written for {', '.join(target.frameworks)}; switching to {wanted}.")
        state.framework = wanted
    spec = target.spec(state.framework)
    state.script = spec.starter
    state.printer.write(f"{target.title}  [{target.id}, {state.framework}]", "heading")
    state.printer.write(target.summary)
    _run_script(state, spec.starter, origin=target.id)
    _show_targets(state, list(spec.targets))
    state.printer.info("Fix it here, statement by statement. :hint for a hint, :check to test your fix, :help for more.")


def reload(state: ReplState) -> None:
    """Run the loaded script or scenario again in a fresh session (``:reset``, ``:framework``)."""
    if state.scenario is not None and state.framework in state.scenario.frameworks:
        load(state, state.scenario)
    elif state.scenario is None and state.script is not None:
        load(state, state.script)
    else:
        state.forget()


def _run_script(state: ReplState, path: Path, origin: str) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise GradreplError(f"cannot read the script: {error}", path=display_path(path)) from None
    state.printer.info(f"running {display_path(path)} ({text.count(chr(10)) + 1} lines) ...")
    run_input(state, text, origin=origin)


def _show_targets(state: ReplState, targets: list[str]) -> None:
    report = gradients(state, targets)
    for var in report.variables:
        finding = next((f for f in report.findings if f.target == var.name), None)
        hint = f"  (:why {var.name})" if finding is not None and finding.cause != "none" else ""
        state.printer.write(f"  {var.name}: gradient {describe_grad(var.grad)}{hint}", "notice" if hint else "ok")
