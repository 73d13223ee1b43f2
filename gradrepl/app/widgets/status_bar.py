"""Provides StatusBar: framework warm-up (with a progress bar), the last run, the checks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import ProgressBar, Static


class StatusBar(Horizontal):
    """One line under the panels; the screen sets its three texts."""

    run_text: reactive[str] = reactive("", init=False)
    """The last run: ``ran in 4 ms``, ``timed out after 10 s``, ``syntax error on line 3`` ..."""
    framework_text: reactive[str] = reactive("", init=False)
    """Framework states: ``torch: ready``, ``tensorflow: loading``."""
    warming: reactive[bool] = reactive(False, init=False)
    """True while a framework the screen needs is still loading."""

    def compose(self) -> ComposeResult:
        yield Static("", id="status-run", markup=False)
        yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="status-progress")
        yield Static("", id="status-framework", markup=False)

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False

    def watch_run_text(self, text: str) -> None:
        self.query_one("#status-run", Static).update(text)

    def watch_framework_text(self, text: str) -> None:
        self.query_one("#status-framework", Static).update(text)

    def watch_warming(self, warming: bool) -> None:
        self.query_one(ProgressBar).display = warming
