"""The main flows against real PyTorch and TensorFlow: see None, fix it, pass, switch, reset, restore."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from app_helpers import wait_for

from gradrepl.app.app import GradreplApp, Opening
from gradrepl.app.catalog import Catalog
from gradrepl.app.screens.workspace import WorkspaceScreen
from gradrepl.core import causes
from gradrepl.core.content import scenarios_dir
from gradrepl.core.graph_view import flatten

Factory = Callable[..., GradreplApp]
SID = "forgot-requires-grad"
HERE = scenarios_dir() / SID
SIZE = (120, 40)
SLOW = 180.0  # a framework import on a loaded two-core machine


def _ws(app: GradreplApp) -> WorkspaceScreen:
    assert isinstance(app.screen, WorkspaceScreen)
    return app.screen


def _open(app_factory: Factory, framework: str) -> GradreplApp:
    return app_factory(Opening("scenario", SID, framework), catalog=Catalog.load())


def _tree_text(screen: WorkspaceScreen) -> str:
    assert screen.tree.view is not None
    return "\n".join(row.text for _, row in flatten(screen.tree.view))


async def _shows_b_without_gradient(pilot: object, screen: WorkspaceScreen, cause: str) -> None:
    await wait_for(pilot, lambda: screen.workspace.report is not None, timeout=SLOW)  # type: ignore[arg-type]
    report = screen.workspace.report
    assert report is not None and report.outcome == "completed", report
    b = report.variable("b")
    assert b is not None and b.grad.kind == "none"
    assert "b  grad None" in _tree_text(screen)
    assert causes.get(cause).title in screen.explanation.markdown
    assert not screen.workspace.passed and not screen.banner.display


@pytest.mark.torch
@pytest.mark.tf
async def test_see_none_fix_it_pass_and_switch_framework(app_factory: Factory) -> None:
    app = _open(app_factory, "torch")
    async with app.run_test(size=SIZE) as pilot:
        screen = _ws(app)
        await _shows_b_without_gradient(pilot, screen, "no_requires_grad")
        await pilot.press("ctrl+t")
        assert "Gradients are computed only for tensors" in screen.explanation.markdown
        solution = (HERE / "solution_torch.py").read_text()
        screen.editor.text = solution
        await wait_for(pilot, lambda: screen.workspace.passed, timeout=30)
        assert screen.banner.display and "All checks pass" in screen.explanation.markdown
        assert app.progress.is_solved(SID, "torch")

        await pilot.press("ctrl+f")
        assert screen.workspace.framework == "tensorflow" and screen.sub_title == "tensorflow"
        assert screen.editor.text == (HERE / "starter_tf.py").read_text()
        await _shows_b_without_gradient(pilot, screen, "constant_not_watched")
        assert [str(c.label) for c in screen.variables.columns.values()][3] == "trainable"

        await pilot.press("ctrl+f")
        assert screen.editor.text == solution  # the torch edits were kept
        await wait_for(pilot, lambda: screen.workspace.passed, timeout=30)


@pytest.mark.torch
async def test_reset_then_restore_after_restart(app_factory: Factory, state_dir: Path) -> None:
    app = _open(app_factory, "torch")
    async with app.run_test(size=SIZE) as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: screen.workspace.report is not None, timeout=SLOW)
        edited = screen.editor.text.replace("b = torch.zeros(1)", "b = torch.zeros(1, requires_grad=True)")
        screen.editor.text = edited
        await wait_for(pilot, lambda: screen.workspace.report is not None
                       and screen.workspace.report.variable("b") is not None
                       and screen.workspace.report.variable("b").grad.kind == "finite", timeout=30)  # type: ignore[union-attr]
        await pilot.press("ctrl+l", "y")
        assert screen.editor.text == (HERE / "starter_torch.py").read_text()
        screen.editor.text = edited
        await wait_for(pilot, lambda: screen.workspace.code == edited)  # the edit reached the workspace
    again = _open(app_factory, "torch")
    async with again.run_test(size=SIZE) as pilot:
        screen = _ws(again)
        assert screen.editor.text == edited
        await wait_for(pilot, lambda: screen.workspace.report is not None, timeout=SLOW)
        assert screen.workspace.report.variable("b").grad.kind == "finite"  # type: ignore[union-attr]
