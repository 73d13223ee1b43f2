"""Snapshot tests of the main screens at a fixed size, each paired with plain assertions.

Runs go through the real runner and fake backend; only the run's duration is
set to zero, since it is the one thing on screen that differs between runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from app_helpers import wait_for
from textual.pilot import Pilot

from gradrepl.app.app import GradreplApp, Opening
from gradrepl.app.screens.browser import BrowserScreen
from gradrepl.app.screens.help import HelpScreen
from gradrepl.app.screens.lesson import LessonScreen
from gradrepl.app.screens.workspace import WorkspaceScreen
from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest

SIZE = (120, 40)
Factory = Callable[..., GradreplApp]


class SteadyClock:
    """The shared runner, with each report's duration zeroed for a stable screenshot."""

    def __init__(self, runner: Any) -> None:
        self._runner = runner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._runner, name)

    def run(self, framework: str, request: RunRequest) -> RunReport:
        report: RunReport = self._runner.run(framework, request)
        report.duration_ms = 0.0
        return report


@pytest.fixture
def steady(app_factory: Factory, real_runner: Any) -> Factory:
    def build(opening: Opening | None = None, **options: Any) -> GradreplApp:
        return app_factory(opening, runner=SteadyClock(real_runner), **options)

    return build


async def _settled(pilot: Pilot[Any]) -> WorkspaceScreen:
    app = pilot.app
    assert isinstance(app, GradreplApp)
    screen = app.screen
    assert isinstance(screen, WorkspaceScreen)
    screen.editor.cursor_blink = False
    await wait_for(pilot, lambda: screen.workspace.report is not None and not screen.workspace.pending)
    await pilot.pause(0.2)
    return screen


def test_workspace_snapshot(snap_compare: Any, steady: Factory) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await _settled(pilot)
        assert screen.status.run_text == "ran in 0 ms"
        assert "x  grad None" in str(screen.tree.root.children[1].children[0].label)

    assert snap_compare(steady(Opening("scenario", "fake-detach")), terminal_size=SIZE, run_before=run_before)


def test_workspace_passed_snapshot(snap_compare: Any, steady: Factory) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await _settled(pilot)
        screen.editor.text = screen.workspace.source.solution("fake") or ""
        await wait_for(pilot, lambda: screen.workspace.passed)
        await pilot.press("ctrl+t")
        await pilot.pause(0.2)
        assert screen.banner.display

    assert snap_compare(steady(Opening("scenario", "fake-detach")), terminal_size=SIZE, run_before=run_before)


def test_browser_snapshot(snap_compare: Any, steady: Factory) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        assert isinstance(pilot.app.screen, BrowserScreen)
        await pilot.pause(0.1)

    app = steady()
    app.progress.mark_solved("fake-nograd", "fake")
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_lesson_snapshot(snap_compare: Any, steady: Factory) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        screen = await _settled(pilot)
        assert isinstance(screen, LessonScreen)

    assert snap_compare(steady(Opening("lesson", "01-fake")), terminal_size=SIZE, run_before=run_before)


def test_help_snapshot(snap_compare: Any, steady: Factory) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await _settled(pilot)
        await pilot.press("f1")
        await pilot.pause(0.2)
        assert isinstance(pilot.app.screen, HelpScreen)

    assert snap_compare(steady(Opening("scenario", "fake-detach")), terminal_size=SIZE, run_before=run_before)
