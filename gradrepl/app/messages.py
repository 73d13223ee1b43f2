"""Provides the app-wide messages: what thread workers and the runner report upward."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from gradrepl.core.graph_view import GraphView
from gradrepl.core.report import RunReport


@dataclass
class RunFinished(Message):
    """A run of the editor's code came back (completed, raised, timed out, crashed)."""

    seq: int
    """The request's sequence number; older results than the newest shown are dropped."""
    framework: str
    report: RunReport
    view: GraphView
    """The gradient tree model, built off the UI thread."""
    elapsed_ms: float
    """From handing the request to the runner to the report being ready."""


@dataclass
class FrameworkStatus(Message):
    """A framework worker changed state: ``starting``, ``ready``, ``failed``, ``restarting``."""

    framework: str
    state: str
    detail: str = ""

    def can_replace(self, message: Message) -> bool:
        # A burst of status updates for one framework collapses to the newest.
        return isinstance(message, FrameworkStatus) and message.framework == self.framework
