"""Provides ``gradrepl check``: every scenario's starter shows its bug, every solution passes.

One Runner for the whole check: each framework is imported once, in its warm
worker (both start at once when both are needed). Each framework's halves run
in their own lane, scenario after scenario, so torch and TensorFlow work at
the same time; the report keeps the scenarios' order. Lessons then replay
scripts through a ReportCache, so a script the scenarios already ran is not
run again. Exit 0 when all is well, 1 when a check failed, 2 when content is
broken or the command line is wrong.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from gradrepl.core.checks import PhaseResult, Verdict
from gradrepl.core.content import content_root
from gradrepl.core.lesson import is_lesson_path
from gradrepl.core.scenario import is_scenario_path, load_scenarios
from gradrepl.core.sources import load_all_scenarios
from gradrepl.errors import FrameworkMissing, GradreplError
from gradrepl.faces.check_cache import ReportCache
from gradrepl.faces.check_formats import FORMATS, CheckRun, to_text
from gradrepl.faces.check_lanes import check_scenarios
from gradrepl.faces.progress import Progress
from gradrepl.faces.scenario_run import frameworks_needed
from gradrepl.render.code import use_color


WORKER_THREADS = {"OMP_NUM_THREADS": "1", "TF_NUM_INTRAOP_THREADS": "1"}
"""Set for the checker's workers unless the user set them. Scenario scripts are tiny,
and the torch and TensorFlow workers run at the same time on the machine's cores:
a second thread per op only waits for the cores (torch's solutions took over ten
times longer with its default threads while TensorFlow ran beside it). TF's
inter-op pool is left alone: ops that wait on other ops need it."""


def run(args: argparse.Namespace) -> int:
    """The ``check`` command: run, write the report, return the exit code."""
    for name, value in WORKER_THREADS.items():  # this process is the checker: its workers inherit them
        os.environ.setdefault(name, value)
    progress = Progress(sys.stderr)
    try:
        check = check_paths(
            args.paths,
            pattern=args.pattern,
            framework=args.framework,
            content=getattr(args, "content", None),
            progress=progress,
        )
    finally:
        progress.clear()
    _write(check, args.format, args.output)
    return check.exit_code


def check_paths(
    paths: list[str] | None,
    *,
    pattern: str | None = None,
    framework: str | None = None,
    content: str | None = None,
    progress: Progress | None = None,
    runner: Any = None,
) -> CheckRun:
    """Check the scenarios and lessons under ``paths`` (default: all of the content, and the
    user's own scenarios from ``GRADREPL_SCENARIO_PATH`` and entry points)."""
    started = time.perf_counter()
    progress = progress or Progress(quiet=True)
    scenario_paths, lesson_paths, errors = _split(paths, content)
    if not paths:
        scenarios, load_errors = load_all_scenarios(content, pattern)
    else:
        scenarios, load_errors = load_scenarios(scenario_paths, pattern) if scenario_paths else ([], [])
    check = CheckRun(errors=[*errors, *load_errors])
    frameworks = frameworks_needed(scenarios, framework)
    with ExitStack() as stack:
        if runner is None and (frameworks or lesson_paths):
            runner = stack.enter_context(_open_runner(progress))
        missing = _start(runner, frameworks, framework, progress) if frameworks else {}
        if lesson_paths:
            _start_for_lessons(runner, frameworks, framework)
            runner = ReportCache(runner)  # lessons replay scripts the scenarios just ran
        check_scenarios(runner, scenarios, frameworks, missing, check, progress, started)
        if lesson_paths:
            selection = {"framework": framework, "pattern": pattern}
            check.results.extend(_check_lessons(lesson_paths, runner, progress, check, selection))
    check.duration_s = time.perf_counter() - started
    return check


def _split(paths: list[str] | None, content: str | None) -> tuple[list[Path], list[Path], list[GradreplError]]:
    """Scenario paths, lesson paths, and the paths that are neither."""
    if not paths:  # the scenarios then come from load_all_scenarios
        root = content_root(content)
        lessons = [root / "lessons"] if (root / "lessons").is_dir() and _lesson_checker() else []
        return [], lessons, []
    scenario_paths, lesson_paths, errors = [], [], []
    for raw in paths:
        path = Path(raw)
        if is_scenario_path(path):
            scenario_paths.append(path)
        elif not path.exists():
            errors.append(GradreplError("no such file or directory", path=raw))
        elif is_lesson_path(path) and _lesson_checker() is not None:
            lesson_paths.append(path)
        else:
            errors.append(GradreplError("not a scenario or lesson (no scenario.toml or lesson.toml in it or below it)", path=raw))
    return scenario_paths, lesson_paths, errors


def _open_runner(progress: Progress) -> Any:
    from gradrepl.runner.runner import Runner

    def on_status(*event: Any) -> None:
        progress.status(": ".join(str(part) for part in event))

    return Runner(spare=False, on_status=on_status)


def _start(runner: Any, frameworks: list[str], explicit: str | None, progress: Progress) -> dict[str, str]:
    """Start every needed framework's worker at once; return the missing ones with the reason."""
    missing: dict[str, str] = {}
    for fw in frameworks:
        try:
            runner.start(fw)
        except FrameworkMissing as error:
            if explicit:
                raise
            missing[fw] = str(error)
            progress.note(f"skipping {fw}: {error}")
    return missing


def _start_for_lessons(runner: Any, started: list[str], only: str | None) -> None:
    """Lessons may use either framework: warm the installed ones now, while scenarios run."""
    from gradrepl.runner.runner import available_frameworks

    for fw in available_frameworks():
        if fw not in started and only in (None, fw):
            runner.start(fw)


def _lesson_checker() -> Any:
    """H8's ``gradrepl.faces.lesson.verify_lessons`` when it exists (imported lazily)."""
    try:
        from gradrepl.faces import lesson
    except ImportError:
        return None
    return getattr(lesson, "verify_lessons", None)


def _check_lessons(
    paths: list[Path], runner: Any, progress: Progress, check: CheckRun, selection: dict[str, str | None]
) -> list[PhaseResult]:
    """The lessons, played through ``runner``; ``selection`` is ``--framework`` and ``-k``."""
    verify = _lesson_checker()
    progress.status("checking lessons")
    try:
        results = verify(paths, runner=runner, **selection) if runner is not None else verify(paths, **selection)
    except GradreplError as error:
        check.errors.append(error)
        return []
    return [_lesson_result(r) for r in results]


def _lesson_result(result: Any) -> PhaseResult:
    """Adapt one lesson result (duck-typed: id/name, passed, failures/message) to a PhaseResult."""
    if isinstance(result, PhaseResult):
        return result
    name = str(getattr(result, "lesson", None) or getattr(result, "id", None) or getattr(result, "name", "lesson"))
    failures = list(getattr(result, "failures", None) or ([] if getattr(result, "passed", True) else [getattr(result, "message", "failed")]))
    verdicts = tuple(Verdict("", "lesson", False, str(f)) for f in failures) or (Verdict("", "lesson", True, "ok"),)
    return PhaseResult(name, "", "lesson", str(getattr(result, "path", "")), verdicts)


def _write(check: CheckRun, fmt: str, output: str | None) -> None:
    if output:
        text = FORMATS[fmt](check) if fmt in FORMATS else to_text(check, color=False)
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as error:
            raise GradreplError(f"cannot write the report: {error.strerror or error}", path=output) from None
        if fmt != "text":
            sys.stderr.write(to_text(check, color=use_color(sys.stderr)).splitlines()[-1] + "\n")
        return
    text = FORMATS[fmt](check) if fmt in FORMATS else to_text(check, color=use_color(sys.stdout))
    sys.stdout.write(text)
