"""Provides the Backend interface: the only place a framework is imported.

A backend lives in a worker process (or, for the notebook API, in the user's
own process). The worker execs user code inside ``recording()``, then asks the
backend to ``inspect`` the namespace into a RunReport and to ``reset`` the
framework's global state before the next run.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from typing import Any, ClassVar

from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest


class Recording(ABC):
    """What a backend observed while user code ran (kept in the child)."""


class Backend(ABC):
    """One framework behind the worker."""

    name: ClassVar[str]
    """``torch``, ``tensorflow`` or ``fake``."""

    @abstractmethod
    def load(self) -> str:
        """Import the framework and warm it up; return its version."""

    @abstractmethod
    def recording(self, filename: str, enabled: bool = True) -> AbstractContextManager[Recording]:
        """Observe user code of ``filename`` while the block runs."""

    @abstractmethod
    def inspect(self, namespace: dict[str, Any], recording: Recording, request: RunRequest, report: RunReport) -> None:
        """Fill the report's variables, graph, events, losses, target errors and checks."""

    @abstractmethod
    def reset(self) -> bool:
        """Undo global state the run changed; False when it cannot (recycle the worker)."""
