"""Provides run_local(): the worker's call sequence in this process.

Tests, benches and the notebook API use it to run code through a backend
exactly as the worker does (load once, record, inspect, reset), without a
child process.
"""

from __future__ import annotations

import contextlib
import functools
import io
import linecache
import sys
import time
import warnings
import traceback
from typing import Any

from gradrepl.backends.base import Backend
from gradrepl.core.report import ErrorInfo, RunReport
from gradrepl.core.request import RunRequest


def run_local(backend: Backend, request: RunRequest, namespace: dict[str, Any] | None = None) -> RunReport:
    """Run ``request.code`` inside ``backend.recording`` and inspect the result."""
    report = RunReport(framework=backend.name, outcome="completed", script=request.filename)
    ns: dict[str, Any] = namespace if namespace is not None else {"__name__": "__main__"}
    start = time.perf_counter()
    # inspect.getsource (torch.jit.script, tracebacks) finds the script's lines here
    linecache.cache[request.filename] = (len(request.code), None, request.code.splitlines(True), request.filename)
    try:
        code = compile(request.code, request.filename, "exec")
    except SyntaxError as error:
        report.outcome = "raised"
        report.error = ErrorInfo(type="SyntaxError", message=str(error.msg), line=error.lineno)
        return report
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), warnings.catch_warnings():
        warnings.simplefilter("default")
        warnings.showwarning = _to_stream(err)
        with backend.recording(request.filename, request.record) as rec:
            try:
                exec(code, ns)  # noqa: S102 - running the user's code is the point
            except Exception as error:  # the user's exception is data
                report.outcome = "raised"
                report.error = error_info(error, request.filename)
    report.stdout, report.stderr = out.getvalue(), err.getvalue()
    report.duration_ms = (time.perf_counter() - start) * 1000
    backend.inspect(ns, rec, request, report)
    backend.reset()
    return report


def _to_stream(stream: io.StringIO) -> Any:
    def show(message: Any, category: Any, filename: str, lineno: int, file: Any = None, line: Any = None) -> None:
        stream.write(warnings.formatwarning(message, category, filename, lineno, ""))

    return show


@functools.cache
def shared_torch() -> Backend:
    """One loaded TorchBackend per process (tests and benches share it)."""
    from gradrepl.backends.torch import TorchBackend

    backend = TorchBackend()
    backend.load()
    return backend


def run_torch(code: str, targets: list[str] | None = None, filename: str = "snippet.py", **kwargs: Any) -> RunReport:
    """Run code through the shared TorchBackend; the report always serialises."""
    report = run_local(shared_torch(), RunRequest(code=code, filename=filename, targets=targets, **kwargs))
    report.to_json()
    return report


def error_info(error: BaseException, filename: str) -> ErrorInfo:
    """The exception with the innermost line of the user's script and a trimmed traceback."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename]
    line = frames[-1].lineno if frames else None
    text = "".join(traceback.format_list(frames)) + "".join(traceback.format_exception_only(type(error), error))
    return ErrorInfo(type=type(error).__name__, message=str(error).strip(), line=line, traceback=text)


if __name__ == "__main__":  # pragma: no cover - manual use: python -m gradrepl.backends.torch.local file.py
    from gradrepl.backends.torch import TorchBackend

    path = sys.argv[1]
    backend = TorchBackend()
    backend.load()
    with open(path, encoding="utf-8") as handle:
        result = run_local(backend, RunRequest(code=handle.read(), filename=path))
    print(result.to_json())
