"""Provides ExplanationPanel: the diagnosis, checks, document claims and hints as Markdown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Markdown


class ExplanationPanel(VerticalScroll):
    """Shows the Markdown built by ``gradrepl.app.explain`` for the latest run."""

    markdown: reactive[str] = reactive("", init=False)
    """The panel's Markdown; set by the screen."""

    def compose(self) -> ComposeResult:
        yield Markdown("", id="explanation-md")

    async def watch_markdown(self, markdown: str) -> None:
        await self.query_one(Markdown).update(markdown)
