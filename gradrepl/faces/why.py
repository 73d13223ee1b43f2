"""Provides ``gradrepl why SCRIPT.py``: run a script once and say why each gradient is missing.

Exit 0 when the script was diagnosed (whatever its outcome: completed, raised,
timed out or crashed); exit 2 for usage errors: an unreadable script, a syntax
error in it, a ``--target`` that is not an expression or does not evaluate, a
framework that cannot be detected or is not installed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest
from gradrepl.diagnosis.engine import ensure_findings
from gradrepl.errors import GradreplError
from gradrepl.faces.progress import Progress
from gradrepl.render.code import use_color
from gradrepl.render.findings import finding_dict, render_report


def run(args: argparse.Namespace) -> int:
    """The ``why`` command."""
    progress = Progress(sys.stderr, quiet=not sys.stderr.isatty())
    try:
        report, source = diagnose_script(
            args.script, targets=args.target or None, framework=args.framework, timeout=args.timeout, progress=progress
        )
    finally:
        progress.clear()
    if args.format == "json":
        sys.stdout.write(json.dumps(report_dict(report), indent=2) + "\n")
    else:
        sys.stdout.write(render_report(report, source=source, color=use_color(sys.stdout)))
    return 0


def diagnose_script(
    script: str,
    *,
    targets: list[str] | None = None,
    framework: str = "auto",
    timeout: float = 30.0,
    progress: Progress | None = None,
    runner: Any = None,
) -> tuple[RunReport, str]:
    """Run ``script`` in a warm worker and return its diagnosed report and source."""
    source = read_script(script)
    check_targets(targets or [])
    fw = framework if framework != "auto" else _detect(source, script)
    progress = progress or Progress(quiet=True)
    request = RunRequest(code=source, filename=str(Path(script)), targets=targets, timeout=timeout)
    if runner is not None:
        report = runner.run(fw, request)
    else:
        from gradrepl.runner.runner import Runner

        with Runner(spare=False, on_status=lambda *event: progress.status(": ".join(map(str, event)))) as owned:
            owned.start(fw)
            report = owned.run(fw, request)
    ensure_findings(report, request.targets)
    _check_targets_evaluated(report, targets or [])
    return report, source


def read_script(script: str) -> str:
    """The script's text, compiled once so a syntax error is one sentence with file:line."""
    path = Path(script)
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GradreplError("no such file", path=script) from None
    except IsADirectoryError:
        raise GradreplError("is a directory, not a Python script", path=script) from None
    except (OSError, UnicodeDecodeError) as error:
        raise GradreplError(f"cannot read the script: {getattr(error, 'strerror', None) or error}", path=script) from None
    try:
        compile(source, script, "exec", dont_inherit=True)
    except SyntaxError as error:
        raise GradreplError(f"syntax error: {error.msg}", path=script, line=error.lineno) from None
    except ValueError as error:  # e.g. a NUL byte in the source
        raise GradreplError(f"cannot compile the script: {error}", path=script) from None
    return source


def check_targets(targets: list[str]) -> None:
    """Every ``--target`` must be a Python expression."""
    for target in targets:
        try:
            compile(target, "<target>", "eval", dont_inherit=True)
        except SyntaxError as error:
            raise GradreplError(f"--target {target!r} is not a Python expression ({error.msg})") from None


def _detect(source: str, script: str) -> str:
    from gradrepl.runner.detect import detect_framework

    fw = detect_framework(source)
    if not fw:
        raise GradreplError("imports neither torch nor tensorflow; pass --framework torch or --framework tensorflow", path=script)
    return str(fw)



def _check_targets_evaluated(report: RunReport, targets: list[str]) -> None:
    for target in targets:
        reason = report.target_errors.get(target)
        if reason is None:
            continue
        stopped = ""
        if report.outcome != "completed" and report.error is not None:
            line = f" at line {report.error.line}" if report.error.line else ""
            stopped = f" (the script stopped{line} with {report.error.type}: {report.error.message})"
        raise GradreplError(f"--target {target} did not evaluate: {reason}{stopped}", path=report.script)


def report_dict(report: RunReport) -> dict[str, Any]:
    """The ``--format json`` contract: script, framework, outcome, error, findings."""
    error = None
    if report.error is not None:
        error = {"type": report.error.type, "message": report.error.message, "line": report.error.line}
    findings = sorted(report.findings, key=lambda f: -f.confidence)
    return {
        "script": report.script,
        "framework": report.framework,
        "outcome": report.outcome,
        "error": error,
        "findings": [finding_dict(f) for f in findings],
    }
