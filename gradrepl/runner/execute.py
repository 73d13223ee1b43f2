"""Provides Executor: one run of user code inside a worker, from RunRequest to RunReport.

The backend is passed in (duck-typed as ``gradrepl.backends.base.Backend``):
only ``runner.worker`` may import backends.
"""

from __future__ import annotations

import ctypes
import functools
import linecache
import os
import sys
import time
import traceback
import types
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from gradrepl.core.report import ErrorInfo, Outcome, RunReport
from gradrepl.core.request import RunRequest
from gradrepl.runner.capture import CaptureFiles
from gradrepl.runner.guard import Baseline, ProcessGuard

try:
    _LIBC: Any = ctypes.CDLL(None)
except OSError:  # pragma: no cover - every Linux libc loads
    _LIBC = None


class Executor:
    """Runs requests for one backend; keeps the REPL sessions' modules."""

    def __init__(self, backend: Any, capture: CaptureFiles, version: str) -> None:
        self.backend = backend
        self.capture = capture
        self.version = version
        self.pid = os.getpid()
        self.sessions: dict[str, types.ModuleType] = {}
        self.interruptible = False
        self.interrupt_waiting: Callable[[], bool] = lambda: False
        """Whether an interrupt for this run came before its code started (set by the worker)."""
        self._main = sys.modules["__main__"]
        self.baseline = Baseline()

    def run(self, request: RunRequest) -> tuple[RunReport, bool]:
        """Run one request; return its report and whether the worker must be recycled."""
        report = RunReport(framework=self.backend.name, outcome="completed", script=request.filename,
                           framework_version=self.version)
        module = self._module(request)
        _register_source(request.filename, request.code)
        guard = ProcessGuard(self.baseline, self.pid, self._main, module, request.filename)
        _add_script_dir(request.filename)
        out, err = self.capture.begin()
        sys.stdout, sys.stderr = out, err
        try:
            recycle = self._run_and_inspect(request, module.__dict__, report)
        finally:
            _flush_c_stdio()
            threads = guard.restore()
            self.baseline.refresh()
            self.interruptible = False
        if threads:
            report.warnings.append(
                f"the script left {len(threads)} thread(s) running ({', '.join(threads)}); "
                "the worker was restarted so they cannot disturb the next run"
            )
        report.stdout, report.stderr, report.output_truncated = self.capture.collect()
        return report, recycle or bool(threads)

    def _module(self, request: RunRequest) -> types.ModuleType:
        if request.session is None:
            module = types.ModuleType("__main__")
        else:
            module = self.sessions.setdefault(request.session, types.ModuleType("__main__"))
        module.__file__ = request.filename
        return module

    def _run_and_inspect(self, request: RunRequest, ns: dict[str, Any], report: RunReport) -> bool:
        recording = self._execute(request, ns, report)
        self.interruptible = True  # target expressions are user code too
        try:
            self.backend.inspect(ns, recording, request, report)
        except BaseException as exc:  # a backend bug is a warning, never a dead worker
            report.warnings.append(f"gradrepl could not inspect this run ({_describe(exc)})")
        finally:
            self.interruptible = False
        try:
            ok = bool(self.backend.reset())
        except BaseException as exc:
            report.warnings.append(f"gradrepl could not reset {self.backend.name} ({_describe(exc)})")
            ok = False
        if not ok:
            report.warnings.append(
                f"the script changed {self.backend.name} state that cannot be undone; "
                "the worker was restarted for the next run"
            )
        return not ok

    def _execute(self, request: RunRequest, ns: dict[str, Any], report: RunReport) -> Any:
        start = time.perf_counter()
        try:
            code = _compile(request.code, request.filename)
        except (SyntaxError, ValueError) as exc:
            report.outcome, report.error = "raised", _syntax_error(exc, request.filename)
            return None
        manager, recording = self._enter_recording(request, report)
        report.outcome, report.error = self._exec(code, ns, request.filename)
        report.duration_ms = (time.perf_counter() - start) * 1000
        if manager is not None:
            try:
                manager.__exit__(None, None, None)
            except BaseException as exc:
                report.warnings.append(f"gradrepl's recorder failed ({_describe(exc)})")
        return recording

    def _enter_recording(self, request: RunRequest, report: RunReport) -> tuple[AbstractContextManager[Any] | None, Any]:
        try:
            manager = self.backend.recording(request.filename, request.record)
            return manager, manager.__enter__()
        except BaseException as exc:
            report.warnings.append(f"gradrepl could not record this run ({_describe(exc)})")
            return None, None

    def _exec(self, code: types.CodeType, ns: dict[str, Any], filename: str) -> tuple[Outcome, ErrorInfo | None]:
        try:
            self.interruptible = True
            if self.interrupt_waiting():  # its SIGINT came too early and was ignored
                raise KeyboardInterrupt
            exec(code, ns)
        except SystemExit as exc:
            return _exit_outcome(exc, filename)
        except BaseException as exc:
            return "raised", error_info(exc, filename)
        finally:
            self.interruptible = False
            if os.getpid() != self.pid:
                # user code forked and the child came back here: it must not speak the protocol
                os._exit(0)
        return "completed", None


@functools.lru_cache(maxsize=64)
def _compile(source: str, filename: str) -> types.CodeType:
    """Code objects are immutable, and an edit loop re-runs the same text often."""
    return compile(source, filename, "exec", dont_inherit=True)


def _exit_outcome(exc: SystemExit, filename: str) -> tuple[Outcome, ErrorInfo | None]:
    code = exc.code
    if code is None or code == 0:
        return "completed", None
    info = error_info(exc, filename)
    info.message = f"exit status {code}" if isinstance(code, int) else str(code)
    return "raised", info


def error_info(exc: BaseException, filename: str) -> ErrorInfo:
    """The exception as the user should see it: their innermost line, their frames only."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == filename]
    message = str(exc) if not isinstance(exc, KeyboardInterrupt) else "interrupted"
    text = "".join(traceback.format_exception_only(type(exc), exc))
    if frames:
        text = "Traceback (most recent call last):\n" + "".join(traceback.format_list(frames)) + text
    return ErrorInfo(type=type(exc).__name__, message=message,
                     line=frames[-1].lineno if frames else None, traceback=text)


def _syntax_error(exc: SyntaxError | ValueError, filename: str) -> ErrorInfo:
    text = "".join(traceback.format_exception_only(type(exc), exc))
    if isinstance(exc, SyntaxError):
        return ErrorInfo(type=type(exc).__name__, message=exc.msg or str(exc), line=exc.lineno, traceback=text)
    return ErrorInfo(type=type(exc).__name__, message=str(exc), traceback=text)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _register_source(filename: str, code: str) -> None:
    """Let tracebacks and backends show source lines of code that never was a file."""
    lines = code.splitlines(keepends=True)
    linecache.cache[filename] = (len(code), None, lines, filename)


def _add_script_dir(filename: str) -> None:
    """Like ``python script.py``: the script's own directory comes first on sys.path."""
    if os.path.isfile(filename):
        sys.path.insert(0, os.path.dirname(os.path.abspath(filename)))


def _flush_c_stdio() -> None:
    """Push out what was printed through buffers (C stdio, ``sys.__stdout__``) before reading it."""
    for stream in (sys.__stdout__, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
    if _LIBC is not None:
        _LIBC.fflush(None)
