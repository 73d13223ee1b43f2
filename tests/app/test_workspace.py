"""Pilot tests of the workspace against the fake backend: runs, edits, hints, checks, drafts."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from textual.message import Message

from gradrepl.app.app import GradreplApp, Opening
from gradrepl.app.messages import RunFinished
from gradrepl.app.screens.dialogs import ConfirmScreen, SolutionScreen
from gradrepl.app.drafts import Draft, DraftStore
from gradrepl.app.screens.workspace import WorkspaceScreen
from gradrepl.core.graph_view import flatten

from app_helpers import SAMPLES, wait_for

Factory = Callable[..., GradreplApp]
SIZE = (120, 40)
FIX = (SAMPLES / "fake-detach" / "solution_fake.py").read_text()


def _ws(app: GradreplApp) -> WorkspaceScreen:
    assert isinstance(app.screen, WorkspaceScreen)
    return app.screen


def _tree_texts(screen: WorkspaceScreen) -> list[str]:
    assert screen.tree.view is not None
    return [row.text for _, row in flatten(screen.tree.view)]


async def test_a_scenario_runs_on_open_and_shows_the_missing_gradient(app_factory: Factory) -> None:
    seen: list[Message] = []
    app = app_factory(Opening("scenario", "fake-detach"))
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: screen.workspace.report is not None)
        assert any(isinstance(m, RunFinished) for m in seen)
        report = screen.workspace.report
        assert report is not None and report.variable("x") is not None
        assert report.variable("x").grad.kind == "none"  # type: ignore[union-attr]
        assert any(t.startswith("x  grad None") for t in _tree_texts(screen))
        assert "x" in screen.variables.names
        assert "x.grad: None" in screen.output.text
        assert "`x` gets no gradient (None)" in screen.explanation.markdown
        assert not screen.banner.display
        assert screen.status.run_text.startswith("ran in")


async def test_typing_the_fix_passes_the_checks_and_marks_progress(app_factory: Factory) -> None:
    app = app_factory(Opening("scenario", "fake-detach"))
    async with app.run_test(size=SIZE) as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: screen.workspace.report is not None)
        screen.editor.text = FIX
        await wait_for(pilot, lambda: screen.workspace.passed)
        assert screen.banner.display
        assert "All checks pass" in screen.explanation.markdown
        assert app.progress.is_solved("fake-detach", "fake")
        assert not screen.tree.stale


async def test_a_syntax_error_keeps_the_last_tree_marked_stale(app_factory: Factory) -> None:
    app = app_factory(Opening("scenario", "fake-detach"))
    async with app.run_test(size=SIZE) as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: screen.workspace.report is not None and not screen.workspace.pending)
        sent = screen.workspace.sent
        view = screen.tree.view
        screen.editor.text = "x = (\n"
        await wait_for(pilot, lambda: "syntax error on line" in screen.status.run_text)
        assert screen.workspace.sent == sent
        assert screen.tree.view is view and screen.tree.stale


async def test_hints_are_revealed_one_at_a_time(app_factory: Factory) -> None:
    app = app_factory(Opening("scenario", "fake-detach"))
    async with app.run_test(size=SIZE) as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: screen.workspace.report is not None)
        assert "Which calls end" not in screen.explanation.markdown
        await pilot.press("ctrl+t")
        assert "Which calls end" in screen.explanation.markdown
        assert "Look at line 5" not in screen.explanation.markdown
        assert "2 left" in screen.explanation.markdown
        await pilot.press("ctrl+t", "ctrl+t")
        assert "Use x itself" in screen.explanation.markdown
        assert "left)" not in screen.explanation.markdown


async def test_reset_asks_first_and_restores_the_starter(app_factory: Factory) -> None:
    app = app_factory(Opening("scenario", "fake-detach"))
    async with app.run_test(size=SIZE) as pilot:
        screen = _ws(app)
        screen.editor.text = "print('mine')\n"
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert screen.editor.text == "print('mine')\n"
        await pilot.press("ctrl+l", "y")
        assert screen.editor.text == (SAMPLES / "fake-detach" / "starter_fake.py").read_text()


async def test_the_solution_needs_confirmation_until_solved(app_factory: Factory) -> None:
    app = app_factory(Opening("scenario", "fake-detach"))
    async with app.run_test(size=SIZE) as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: screen.workspace.report is not None)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.screen is screen
        screen.editor.text = FIX
        await wait_for(pilot, lambda: screen.workspace.passed)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SolutionScreen)
        assert app.screen.code == FIX
        await pilot.press("escape")
        assert app.screen is screen


async def test_next_is_explicit_and_opens_the_following_scenario(app_factory: Factory) -> None:
    app = app_factory(Opening("scenario", "fake-detach"))
    async with app.run_test(size=SIZE) as pilot:
        screen = _ws(app)
        screen.editor.text = FIX
        await wait_for(pilot, lambda: screen.workspace.passed)
        await pilot.pause(0.2)
        assert app.screen is screen  # success never moves on by itself
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: isinstance(app.screen, WorkspaceScreen) and app.screen is not screen)
        assert _ws(app).workspace.source.scenario.id == "fake-nograd"  # type: ignore[union-attr]


async def test_edits_are_saved_within_a_second_and_restored_on_restart(app_factory: Factory, state_dir: Path) -> None:
    app = app_factory(Opening("scenario", "fake-detach"))
    async with app.run_test(size=SIZE) as pilot:
        screen = _ws(app)
        screen.editor.text = "print('kept')\n"
        draft = state_dir / "drafts" / "scenario" / "fake-detach.json"
        await wait_for(pilot, lambda: draft.exists() and "kept" in draft.read_text(), timeout=1.0)
        await pilot.press("ctrl+t")
    again = app_factory(Opening("scenario", "fake-detach"))
    async with again.run_test(size=SIZE) as pilot:
        screen = _ws(again)
        assert screen.editor.text == "print('kept')\n"
        assert screen.workspace.revealed == 1


async def test_an_edit_is_saved_on_exit_while_its_timed_save_is_still_writing(
        app_factory: Factory, state_dir: Path) -> None:
    class HeldDrafts(DraftStore):
        """Timed saves (from a thread) wait at the gate: an app that exits meanwhile must save itself."""

        def __init__(self, path: Path) -> None:
            super().__init__(path)
            self.writing, self.gate, self.written = threading.Event(), threading.Event(), threading.Event()

        def save(self, key: str, draft: Draft | None, version: int) -> bool:
            if threading.current_thread() is threading.main_thread():
                return super().save(key, draft, version)
            self.writing.set()
            self.gate.wait(30)
            try:
                return super().save(key, draft, version)
            finally:
                self.written.set()

    drafts = HeldDrafts(state_dir)
    draft = state_dir / "drafts" / "scenario" / "fake-detach.json"
    app = app_factory(Opening("scenario", "fake-detach"), drafts=drafts)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = _ws(app)
            screen.editor.text = "print('last')\n"
            await wait_for(pilot, drafts.writing.is_set)  # the timed save of the last edit is held
        assert draft.exists() and "last" in draft.read_text()  # saved on the way out all the same
    finally:
        drafts.gate.set()
    assert drafts.written.wait(10)
    assert "last" in draft.read_text()


async def test_a_script_opens_with_its_framework_detected(app_factory: Factory) -> None:
    app = app_factory(Opening("script", str(SAMPLES / "fake-nograd" / "starter_fake.py")))
    async with app.run_test(size=SIZE) as pilot:
        screen = _ws(app)
        assert screen.workspace.framework == "fake"
        await wait_for(pilot, lambda: screen.workspace.report is not None)
        assert screen.workspace.verdicts is None
        await pilot.press("ctrl+s")
        assert app.screen is screen  # a script has no solution to show


async def test_choosing_a_tree_row_moves_the_editor_to_its_line(app_factory: Factory) -> None:
    app = app_factory(Opening("scenario", "fake-detach"))
    async with app.run_test(size=SIZE) as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: screen.workspace.report is not None and not screen.workspace.pending)
        tree = screen.tree
        rows = [n for n in tree.open_nodes() if n.data is not None and n.data.line is not None and n.data.line > 1]
        assert rows, "the fake graph has rows with source lines"
        target = rows[0]
        await pilot.press("f3")
        tree.move_cursor(target)
        await pilot.press("enter")
        assert screen.editor.cursor_location[0] == target.data.line - 1  # type: ignore[union-attr]
