"""Provides what the app needs from the runner, and the policy for superseding runs.

The app talks to ``gradrepl.runner.runner.Runner`` through the small
``RunService`` protocol, so the app factory can be handed any runner (the
real one with the fake backend in fast tests). ``RunPolicy`` decides, when a
new edit arrives while a run is in flight, whether to let that run finish (a
warm worker is precious: killing it costs a respawn) or to cancel it (it has
been running long enough that the learner is clearly waiting on a stale run).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest

StatusCallback = Callable[[str, str], None]
CANCEL_AFTER_S = 1.0
"""A run in flight longer than this is cancelled by a newer edit; shorter ones finish."""


class RunService(Protocol):
    """The parts of ``Runner`` the app uses (all thread-safe)."""

    def start(self, framework: str) -> Any: ...

    def is_ready(self, framework: str) -> bool: ...

    def wait_ready(self, framework: str, timeout: float | None = None) -> Any: ...

    def run(self, framework: str, request: RunRequest) -> RunReport: ...

    def cancel(self, framework: str, request: RunRequest | None = None) -> Any: ...

    def close(self) -> Any: ...


def make_runner(on_status: StatusCallback) -> RunService:
    """The real runner: warm workers with a hot spare, frameworks imported only in them."""
    from gradrepl.runner.runner import Runner

    runner: RunService = Runner(spare=True, on_status=on_status)
    return runner


@dataclass
class RunPolicy:
    """Tracks the run in flight per framework and says when a newer edit should cancel it."""

    cancel_after: float = CANCEL_AFTER_S
    clock: Callable[[], float] = time.monotonic
    _started: dict[str, tuple[int, float]] = field(default_factory=dict)

    def begin(self, framework: str, seq: int) -> None:
        """A run with this sequence number was handed to the runner."""
        self._started[framework] = (seq, self.clock())

    def end(self, framework: str, seq: int) -> None:
        """The run came back (whatever its outcome)."""
        if self._started.get(framework, (None, 0.0))[0] == seq:
            del self._started[framework]

    def should_cancel(self, framework: str) -> bool:
        """True when a run is in flight for ``framework`` and has run too long to wait for."""
        started = self._started.get(framework)
        return started is not None and self.clock() - started[1] >= self.cancel_after

    def in_flight(self, framework: str) -> bool:
        return framework in self._started
