"""Tests that runs never freeze the app: timeouts, crashes, superseded edits, keys during a run."""

from __future__ import annotations

import threading
from pathlib import Path
import time
from collections.abc import Callable

from app_helpers import SAMPLES, wait_for
from textual.widgets import ProgressBar

from gradrepl.app.app import GradreplApp, Opening
from gradrepl.app.runs import RunPolicy
from gradrepl.app.screens.workspace import WorkspaceScreen

Factory = Callable[..., GradreplApp]
SCRIPT = str(SAMPLES / "fake-detach" / "starter_fake.py")
FAST = "import fakegrad as fg\nx = fg.tensor(2.0, requires_grad=True)\n(x * x).backward()\nprint('fast', x.grad)\n"


def _ws(app: GradreplApp) -> WorkspaceScreen:
    assert isinstance(app.screen, WorkspaceScreen)
    return app.screen


async def test_a_timeout_is_reported_and_the_next_edit_runs(app_factory: Factory) -> None:
    app = app_factory(Opening("script", SCRIPT), timeout=1.0)
    async with app.run_test() as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: screen.workspace.report is not None)
        screen.editor.text = "while True:\n    pass\n"
        await wait_for(pilot, lambda: "timed out" in screen.status.run_text)
        assert screen.workspace.report is not None and screen.workspace.report.outcome == "timeout"
        screen.editor.text = FAST
        await wait_for(pilot, lambda: "fast 4" in screen.output.text)
        assert screen.status.run_text.startswith("ran in")


async def test_a_crash_is_reported_and_the_next_edit_runs(app_factory: Factory) -> None:
    app = app_factory(Opening("script", SCRIPT))
    async with app.run_test() as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: screen.workspace.report is not None)
        screen.editor.text = "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n"
        await wait_for(pilot, lambda: "crashed" in screen.status.run_text)
        screen.editor.text = FAST
        await wait_for(pilot, lambda: "fast 4" in screen.output.text)


async def test_a_long_run_is_cancelled_by_a_newer_edit(app_factory: Factory) -> None:
    app = app_factory(Opening("script", SCRIPT), cancel_after=0.3, timeout=20.0)
    async with app.run_test() as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: screen.workspace.report is not None)
        screen.editor.text = "import time\ntime.sleep(15)\nprint('slow')\n"
        await wait_for(pilot, lambda: app.policy.should_cancel("fake"))  # in flight for over 0.3 s
        started = time.monotonic()
        screen.editor.text = FAST
        await wait_for(pilot, lambda: "fast 4" in screen.output.text, timeout=10)
        assert time.monotonic() - started < 10
        assert "slow" not in screen.output.text


async def test_a_short_run_is_not_cancelled_but_superseded(app_factory: Factory) -> None:
    app = app_factory(Opening("script", SCRIPT), cancel_after=5.0)
    async with app.run_test() as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: screen.workspace.report is not None)
        screen.editor.text = "import time\ntime.sleep(0.6)\nprint('first')\n"
        await wait_for(pilot, lambda: app.policy.in_flight("fake"))
        screen.editor.text = "print('second')\n"
        screen.editor.text = FAST
        await wait_for(pilot, lambda: "fast 4" in screen.output.text)
        # The first run finished (no kill) but was never shown: a newer one was pending.
        assert screen.workspace.shown == screen.workspace.sent
        assert "first" not in screen.output.text


async def test_keys_work_while_user_code_runs(app_factory: Factory) -> None:
    app = app_factory(Opening("scenario", "fake-detach"), cancel_after=30.0)
    async with app.run_test() as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: screen.workspace.report is not None)
        screen.editor.text = "import time\ntime.sleep(3)\n"
        await wait_for(pilot, lambda: app.policy.in_flight("fake"))
        await pilot.press("ctrl+t")
        assert screen.workspace.revealed == 1 and app.policy.in_flight("fake")


def test_policy_cancels_only_runs_older_than_the_limit() -> None:
    now = [100.0]
    policy = RunPolicy(cancel_after=1.0, clock=lambda: now[0])
    assert not policy.should_cancel("torch")
    policy.begin("torch", 1)
    now[0] += 0.5
    assert not policy.should_cancel("torch")
    now[0] += 0.6
    assert policy.should_cancel("torch")
    policy.end("torch", 2)  # an older seq's end does not clear a newer run
    assert policy.in_flight("torch")
    policy.end("torch", 1)
    assert not policy.in_flight("torch") and not policy.should_cancel("torch")


class GatedRunner:
    """The shared runner, except that the framework counts as loading until ``gate`` is set."""

    def __init__(self, runner: object) -> None:
        self._runner = runner
        self.gate = threading.Event()

    def __getattr__(self, name: str) -> object:
        return getattr(self._runner, name)

    def wait_ready(self, framework: str, timeout: float | None = None) -> None:
        self.gate.wait(timeout)
        self._runner.wait_ready(framework, timeout)  # type: ignore[attr-defined]

    def is_ready(self, framework: str) -> bool:
        return self.gate.is_set() and bool(self._runner.is_ready(framework))  # type: ignore[attr-defined]


async def test_the_ui_works_while_the_framework_loads(app_factory: Factory, real_runner: object) -> None:
    gated = GatedRunner(real_runner)
    app = app_factory(Opening("script", SCRIPT), runner=gated)
    async with app.run_test() as pilot:
        screen = _ws(app)
        try:
            await wait_for(pilot, lambda: "waiting for fake to load" in screen.status.run_text)
        except AssertionError:
            gated.gate.set()  # let the start thread end, or the test waits for it
            raise
        assert screen.status.warming and screen.query_one(ProgressBar).display
        assert "fake: starting" in screen.status.framework_text
        screen.editor.text = FAST
        await pilot.press("f3")
        assert app.focused is screen.tree
        assert screen.workspace.report is None
        gated.gate.set()
        await wait_for(pilot, lambda: "fast 4" in screen.output.text)
        assert not screen.status.warming and not screen.query_one(ProgressBar).display
        assert screen.workspace.sent == screen.workspace.shown  # the edits made while loading ran once, newest only


async def test_a_framework_that_cannot_start_is_reported(app_factory: Factory, tmp_path: Path) -> None:
    from gradrepl.errors import FrameworkMissing

    class Missing(GatedRunner):
        def start(self, framework: str) -> None:
            raise FrameworkMissing(framework)

    script = tmp_path / "uses_torch.py"
    script.write_text("import torch\nx = torch.ones(1, requires_grad=True)\n")
    app = app_factory(Opening("script", str(script)), runner=Missing(object()))
    async with app.run_test() as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: "cannot run" in screen.status.run_text)
        assert 'pip install "gradrepl[torch]"' in screen.status.run_text
        assert not screen.status.warming


async def test_a_framework_that_failed_before_the_first_edit_ran_is_still_reported(
        app_factory: Factory, tmp_path: Path) -> None:
    """The start fails at once; the edit runs after its debounce and must not cover the failure."""
    from gradrepl.errors import FrameworkMissing

    class Missing(GatedRunner):
        def start(self, framework: str) -> None:
            raise FrameworkMissing(framework)

    script = tmp_path / "uses_torch.py"
    script.write_text("import torch\nx = torch.ones(1, requires_grad=True)\n")
    app = app_factory(Opening("script", str(script)), runner=Missing(object()), debounce=0.5)
    async with app.run_test() as pilot:
        screen = _ws(app)
        await wait_for(pilot, lambda: app.framework_states.get("torch", "").startswith("failed"))
        await wait_for(pilot, lambda: screen.workspace.sent == 1)  # the debounced edit came after
        assert 'cannot run: torch failed: ' in screen.status.run_text
        assert 'pip install "gradrepl[torch]"' in screen.status.run_text
