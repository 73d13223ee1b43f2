"""Provides the reports for runs that did not answer: timeout, memory limit, crash, cancel."""

from __future__ import annotations

import re

from gradrepl.core.report import ErrorInfo, RunReport
from gradrepl.core.request import RunRequest
from gradrepl.runner.supervisor import Exchange, WorkerProcess, describe_status


def unanswered(framework: str, proc: WorkerProcess, ex: Exchange, request: RunRequest) -> RunReport:
    """The report of a run whose worker was killed or died: what it printed, and where it was."""
    out, err, cut, dump = proc.outputs()
    line, stack = _user_stack(dump, request.filename)
    report = RunReport(framework=framework, outcome="crashed", script=request.filename,
                       duration_ms=ex.elapsed * 1000, stdout=out, stderr=err, output_truncated=cut,
                       framework_version=proc.version)
    if ex.kind == "timeout":
        report.outcome = "timeout"
        message = f"the script did not finish within {request.timeout:g} s and was stopped"
        report.error = ErrorInfo("Timeout", message, line, stack)
    elif ex.kind == "memory":
        message = (f"the script used more than {request.memory_mb} MB of memory "
                   f"(the worker reached {ex.rss_mb:.0f} MB) and was stopped")
        report.error = ErrorInfo("MemoryLimit", message, line, stack)
    elif ex.kind == "cancelled":
        report.outcome = "cancelled"
        report.error = ErrorInfo("Cancelled", "the run was cancelled", line, stack)
    else:
        status = describe_status(proc.exit_status())
        report.error = ErrorInfo("Crash", f"the script crashed the {framework} worker: {status}", line, stack)
    return report


def cancelled(report: RunReport) -> RunReport:
    """A run that answered after it was cancelled: keep what it showed, mark it cancelled."""
    report.outcome = "cancelled"
    if report.error is None or report.error.type == "KeyboardInterrupt":
        line = report.error.line if report.error else None
        report.error = ErrorInfo("Cancelled", "the run was cancelled", line)
    return report


def _user_stack(dump: str, filename: str) -> tuple[int | None, str]:
    """The innermost user line in a faulthandler dump, and the dump's user frames."""
    pattern = re.compile(r'File "' + re.escape(filename) + r'", line (\d+)')
    lines = [ln.strip() for ln in dump.splitlines() if pattern.search(ln)]
    if not lines:
        return None, ""
    match = pattern.search(lines[0])
    line = int(match.group(1)) if match else None
    text = "Where the script was (most recent call first):\n" + "".join(f"  {ln}\n" for ln in lines)
    return line, text
