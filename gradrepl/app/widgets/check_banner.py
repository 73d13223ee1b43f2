"""Provides CheckBanner: says clearly when the scenario's checks pass, and what comes next."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

PASSED = "All checks pass!  ctrl+s: the reference solution   ctrl+n: next"


class CheckBanner(Static):
    """Hidden until the checks pass; then one bold line with the keys for what comes next."""

    passed: reactive[bool] = reactive(False)
    """Whether the latest run of the editor's code passed every check; set by the screen."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(PASSED, id=id, markup=False)

    def watch_passed(self, passed: bool) -> None:
        self.display = passed
