"""Pilot tests of the browser, lesson, help and command palette (fake backend)."""

from __future__ import annotations

from collections.abc import Callable

from app_helpers import wait_for
from textual.command import CommandList, CommandPalette
from textual.widgets import Input, OptionList, ProgressBar

from gradrepl.app.app import GradreplApp, Opening
from gradrepl.app.screens.browser import BrowserScreen
from gradrepl.app.screens.help import HelpScreen
from gradrepl.app.screens.lesson import LessonListScreen, LessonScreen
from gradrepl.app.screens.workspace import WorkspaceScreen

Factory = Callable[..., GradreplApp]
SIZE = (120, 40)
FIX = "import fakegrad as fg\nx = fg.tensor(3.0, requires_grad=True)\nw = fg.tensor(2.0, requires_grad=True)\n(x * w).backward()\n"


def _labels(screen: BrowserScreen) -> list[str]:
    out = []
    for group in screen.scenario_tree.root.children:
        out += [str(leaf.label) for leaf in group.children]
    return out


async def test_the_browser_lists_searches_and_marks_solved(app_factory: Factory) -> None:
    app = app_factory()
    app.progress.mark_solved("fake-nograd", "fake")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        labels = _labels(screen)
        assert len(labels) == 2
        assert labels[1].startswith("✔") and not labels[0].startswith("✔")
        screen.query_one("#search", Input).value = "no_grad"
        await pilot.pause()
        assert [label.strip("✔ ").split("  ")[0] for label in _labels(screen)] == ["no_grad hides ops"]
        screen.query_one("#search", Input).value = ""
        await pilot.pause()
        screen.scenario_tree.focus()
        screen.scenario_tree.move_cursor(screen.scenario_tree.root.children[0].children[0])
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, WorkspaceScreen))
        ws = app.screen
        assert isinstance(ws, WorkspaceScreen) and ws.workspace.source.key == "scenario/fake-detach"
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, BrowserScreen)
        await pilot.press("escape")
        assert app.screen is ws


async def test_the_lesson_screen_shows_text_progress_and_navigates(app_factory: Factory) -> None:
    app = app_factory(Opening("lesson", "01-fake"))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        assert "Some calls stop autograd" in screen.lesson.markdown
        assert screen.query_one("#lesson-progress", ProgressBar).progress == 0
        await wait_for(pilot, lambda: screen.workspace.report is not None)
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.screen is not screen)
        second = app.screen
        assert isinstance(second, LessonScreen) and second.step == 1 and second.lesson.id == "01-fake"
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: app.screen is not second)
        third = app.screen
        assert isinstance(third, LessonScreen) and third.lesson.id == "02-fake"
        assert app.progress.current_lesson == "02-fake"
        await pilot.press("ctrl+b")
        await wait_for(pilot, lambda: app.screen is not third)
        assert isinstance(app.screen, LessonScreen) and app.screen.lesson.id == "01-fake" and app.screen.step == 1
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, LessonListScreen)
        assert app.screen.query_one(OptionList).option_count == 2


async def test_the_lesson_progress_bar_counts_finished_lessons(app_factory: Factory) -> None:
    app = app_factory(Opening("lesson", "02-fake"))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, LessonScreen)
        screen.editor.text = FIX
        await wait_for(pilot, lambda: screen.workspace.passed)
        assert screen.query_one("#lesson-progress", ProgressBar).progress == 1
        await pilot.press("ctrl+o")
        listing = app.screen
        assert isinstance(listing, LessonListScreen)
        prompts = [str(listing.query_one(OptionList).get_option_at_index(i).prompt) for i in range(2)]
        assert prompts[1].startswith("✔ 2.") and not prompts[0].startswith("✔")


async def test_a_new_session_resumes_the_current_lesson(app_factory: Factory) -> None:
    app = app_factory(Opening("lesson", "02-fake"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: app.progress.current_lesson == "02-fake")
        await app.workers.wait_for_complete()
    again = app_factory(Opening("lesson"))
    async with again.run_test(size=SIZE):
        assert isinstance(again.screen, LessonScreen) and again.screen.lesson.id == "02-fake"


async def test_help_opens_on_f1_and_closes_on_escape(app_factory: Factory) -> None:
    app = app_factory(Opening("scenario", "fake-detach"))
    async with app.run_test(size=SIZE) as pilot:
        ws = app.screen
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert app.screen is ws


def _highlighted(screen: object) -> str:
    """The command the palette's Enter would run ("" while its search has found none)."""
    if not isinstance(screen, CommandPalette):
        return ""
    commands = screen.query_one(CommandList)
    index = commands.highlighted
    return str(commands.get_option_at_index(index).prompt) if index is not None else ""


async def test_the_command_palette_offers_every_workspace_command(app_factory: Factory) -> None:
    app = app_factory(Opening("scenario", "fake-detach"))
    async with app.run_test(size=SIZE) as pilot:
        ws = app.screen
        assert isinstance(ws, WorkspaceScreen)
        titles = [c.title for c in app.get_system_commands(ws)]
        for title in ("Run now", "Reveal a hint", "Switch framework", "Reset to starter", "Next", "Help"):
            assert title in titles
        await wait_for(pilot, lambda: ws.workspace.report is not None)
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"hint")
        await wait_for(pilot, lambda: _highlighted(app.screen).startswith("Reveal a hint"))  # the search is async
        await pilot.press("enter")
        await wait_for(pilot, lambda: ws.workspace.revealed == 1)
