"""Provides OutputPanel: the program's stdout and stderr, and its traceback when it raised."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from gradrepl.core.report import RunReport

MAX_CHARS = 20_000


def output_text(report: RunReport | None) -> str:
    """The panel's plain text: output, then the trimmed traceback or the infrastructure failure."""
    if report is None:
        return ""
    parts = [report.stdout.rstrip("\n"), report.stderr.rstrip("\n")]
    if report.output_truncated:
        parts.append("[output truncated]")
    if report.error is not None:
        parts.append(report.error.traceback.rstrip("\n") or f"{report.error.type}: {report.error.message}")
    text = "\n".join(p for p in parts if p)
    if len(text) > MAX_CHARS:
        text = text[:MAX_CHARS] + "\n[... cut for display]"
    return text or "(no output)"


class OutputPanel(VerticalScroll):
    """What the script printed; the traceback of the user's own lines when it raised."""

    report: reactive[RunReport | None] = reactive(None, always_update=True, init=False)
    """The run to show; set by the screen."""

    def compose(self) -> ComposeResult:
        yield Static("", id="output-text", markup=False)

    def watch_report(self, report: RunReport | None) -> None:
        text = Text(output_text(report))
        if report is not None and report.error is not None:
            text.stylize("bold", max(0, len(text) - len(report.error.message) - len(report.error.type) - 2))
        self.query_one("#output-text", Static).update(text)
        self.set_class(report is not None and report.error is not None, "-error")
        self.scroll_end(animate=False)

    @property
    def text(self) -> str:
        """The text shown."""
        return output_text(self.report)
