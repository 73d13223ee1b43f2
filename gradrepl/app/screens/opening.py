"""Provides navigation: the first screen, opening a scenario or script, and "next"."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.screen import Screen

from gradrepl.app.session import Source
from gradrepl.core.scenario import Scenario, is_scenario_path, load_scenario
from gradrepl.errors import GradreplError

if TYPE_CHECKING:
    from gradrepl.app.app import GradreplApp, Opening


def first_screen(app: GradreplApp, opening: Opening) -> Screen[None]:
    """The screen the app opens on (each screen's module imported only when needed: start-up time)."""
    if opening.kind == "lesson":
        from gradrepl.app.screens.lesson import LessonScreen

        return LessonScreen.open(app, opening.target)
    from gradrepl.app.screens.workspace import WorkspaceScreen

    if opening.kind == "script" and opening.target:
        source = Source.of_script(Path(opening.target), opening.framework)
        return WorkspaceScreen(source, source.frameworks[0])
    if opening.kind == "scenario" and opening.target:
        scenario = resolve_scenario(app, opening.target)
        return WorkspaceScreen(Source.of_scenario(scenario), choose_framework(app, scenario))
    from gradrepl.app.screens.browser import BrowserScreen

    return BrowserScreen()


def resolve_scenario(app: GradreplApp, target: str) -> Scenario:
    """A scenario by id (from the catalog) or by directory."""
    found = app.catalog.scenario(target)
    if found is not None:
        return found
    if is_scenario_path(target):
        return load_scenario(target)
    raise GradreplError(f"no scenario {target!r}; run 'gradrepl list' to see them")


def choose_framework(app: GradreplApp, scenario: Scenario) -> str:
    """The framework asked for, else the last one used here, else the first installed one."""
    wanted = app.opening.framework
    if wanted in scenario.frameworks:
        return str(wanted)
    draft = app.drafts.load(f"scenario/{scenario.id}")
    if draft is not None and draft.framework in scenario.frameworks:
        return draft.framework
    installed = app.installed_frameworks()
    return next((fw for fw in scenario.frameworks if fw in installed), scenario.frameworks[0])


def open_scenario(app: GradreplApp, scenario: Scenario) -> None:
    """Open ``scenario`` in a workspace, replacing the browser and the workspace under it."""
    from gradrepl.app.screens.browser import BrowserScreen
    from gradrepl.app.screens.workspace import WorkspaceScreen

    screen = WorkspaceScreen(Source.of_scenario(scenario), choose_framework(app, scenario))
    if isinstance(app.screen, BrowserScreen) and len(app.screen_stack) > 2:
        app.pop_screen()
    app.switch_screen(screen)


def open_next(app: GradreplApp, source: Source, framework: str) -> None:
    """Open the scenario after ``source`` in course order (a script has none)."""
    if source.scenario is None:
        app.notify("A script has no next scenario; ctrl+o opens the scenarios.")
        return
    following = app.catalog.after(source.scenario.id)
    if following is None:
        app.notify("That was the last scenario. ctrl+o shows them all.")
        return
    open_scenario(app, following)
