"""Provides ReportCache: a Runner that answers a run it has already made from memory.

``gradrepl check`` runs every scenario's starter and solution, and then the
lessons replay the same scripts (a lesson step that loads a starter and runs
it sends the very request the scenario check sent). Each such request is run
once: later callers get a copy of the first report. Only fresh-namespace runs
that finished (completed or raised) are remembered; a timeout or crash is not,
since it may not happen again.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import threading
from typing import Any

from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest

REMEMBERED = ("completed", "raised")


class ReportCache:
    """Wraps a Runner (anything with ``run(framework, request)``); other calls pass through."""

    def __init__(self, runner: Any) -> None:
        self.runner = runner
        self.hits = 0
        self._reports: dict[tuple[str, str], RunReport] = {}
        self._lock = threading.Lock()

    def run(self, framework: str, request: RunRequest) -> RunReport:
        key = _key(framework, request)
        if key is not None:
            with self._lock:
                seen = self._reports.get(key)
                if seen is not None:
                    self.hits += 1
                    return copy.deepcopy(seen)  # callers may change their report (findings)
        report: RunReport = self.runner.run(framework, request)
        if key is not None and report.outcome in REMEMBERED:
            with self._lock:
                self._reports.setdefault(key, copy.deepcopy(report))
        return report

    def __getattr__(self, name: str) -> Any:
        return getattr(self.runner, name)


def _key(framework: str, request: RunRequest) -> tuple[str, str] | None:
    """Everything that can change a run's report; None for a session (its namespace carries over)."""
    if request.session is not None:
        return None
    try:  # every field, so one added to RunRequest later is part of the key too
        return framework, json.dumps(dataclasses.asdict(request), sort_keys=True)
    except (TypeError, ValueError):  # a check value that is not plain data: do not guess
        return None
