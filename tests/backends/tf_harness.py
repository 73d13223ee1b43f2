"""Provides an in-process harness for the TF backend: load once, run code like the worker does."""

from __future__ import annotations

from typing import Any

from gradrepl.core.report import ErrorInfo, RunReport
from gradrepl.core.request import RunRequest


class TFHarness:
    """Runs code through load → recording → exec → inspect → reset, as the worker does."""

    def __init__(self) -> None:
        from gradrepl.backends.tf import TFBackend

        self.backend = TFBackend()
        self.version = self.backend.load()
        self.reset_ok = True

    def run(self, code: str, targets: list[str] | None = None, filename: str = "snippet.py", **kwargs: Any) -> RunReport:
        request = RunRequest(code=code, filename=filename, targets=targets, **kwargs)
        report = RunReport(framework="tensorflow", outcome="completed", script=filename)
        ns: dict[str, Any] = {"__name__": "__main__"}
        with _Swallow(report) as guard:
            with self.backend.recording(filename, request.record) as rec:
                guard.rec = rec
                exec(compile(code, filename, "exec"), ns)  # noqa: S102 - test snippets
        self.backend.inspect(ns, guard.rec, request, report)
        self.reset_ok = self.backend.reset()
        report.to_json()  # must always serialise
        return report


class _Swallow:
    """Turns an exception of the user code into the report's error, like the runner."""

    def __init__(self, report: RunReport) -> None:
        self.report = report
        self.rec: Any = None

    def __enter__(self) -> _Swallow:
        return self

    def __exit__(self, typ: Any, value: Any, tb: Any) -> bool:
        if value is not None and isinstance(value, Exception):
            self.report.outcome = "raised"
            line = None
            while tb is not None:
                if tb.tb_frame.f_code.co_filename == self.report.script:
                    line = tb.tb_lineno
                tb = tb.tb_next
            self.report.error = ErrorInfo(type=type(value).__name__, message=str(value), line=line)
            return True
        return False
