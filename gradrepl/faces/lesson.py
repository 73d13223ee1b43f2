"""Provides the headless lesson faces: ``gradrepl lesson --play``, ``gradrepl list``, and
``verify_lessons`` for ``gradrepl check lessons/``.

Playing a lesson replays its scripted steps (show, load, edit, run, expect)
through real framework workers and stops at the first step that does not
behave as scripted, naming the step, its line in lesson.toml, and why.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from gradrepl.core.checks import PhaseResult, Verdict
from gradrepl.core.content import content_root, display_path
from gradrepl.core.lesson import Lesson, Step, find_lesson, find_lesson_dirs, load_lesson
from gradrepl.core.scenario import Scenario, load_scenarios
from gradrepl.errors import GradreplError
from gradrepl.faces.lesson_list import render_list
from gradrepl.faces.lesson_play import LessonPlayer, StepResult
from gradrepl.faces.scenario_run import RunnerLike


def play(args: argparse.Namespace) -> int:
    """``gradrepl lesson --play LESSON``: 0 when every step behaves as scripted, else 1."""
    lesson = find_lesson(args.play, getattr(args, "content", None))
    scenarios, problems = lesson_scenarios(lesson)
    out = sys.stdout
    out.write(f"{lesson.id}: {lesson.title}\n")
    if problems:
        for problem in problems:
            out.write(f"  problem: {problem}\n")
        return 1
    with _runner(None) as runner:
        failed = _play_steps(lesson, scenarios, runner, out)
    if failed:
        return 1
    out.write(f"{lesson.id}: all {len(lesson.steps)} steps behaved as scripted\n")
    return 0


def _play_steps(lesson: Lesson, scenarios: dict[str, Scenario], runner: RunnerLike, out: TextIO) -> bool:
    """Play and print every step; True when one failed (playing stops there)."""
    player = LessonPlayer(lesson, scenarios, runner)
    total = len(lesson.steps)
    for number, step in enumerate(lesson.steps, start=1):
        result = player.play(step)
        _print_step(out, number, total, step.describe(), result, step.note)
        if not result.passed:
            out.write(f"{display_path(lesson.path)}:{step.line}: step {number} ({step.describe()}) failed: {result.message}\n")
            return True
    return False


def _print_step(out: TextIO, number: int, total: int, what: str, result: StepResult, note: str) -> None:
    mark = "ok" if result.passed else "FAILED"
    detail = f" - {result.message}" if result.message and result.passed else ""
    out.write(f"[{number}/{total}] {what}{detail} ... {mark} ({result.duration_ms / 1000:.1f} s)\n")
    if note:
        out.write(f"    note: {note}\n")
    if result.shown:
        out.write("".join(f"    {line}\n" if line else "\n" for line in result.shown.splitlines()))


def run_list(args: argparse.Namespace) -> int:
    """``gradrepl list``: the course in order, with the learner's progress."""
    from gradrepl.core.lesson import load_lessons
    from gradrepl.core.progress import load_progress

    from gradrepl.core.sources import load_all_scenarios

    root = content_root(getattr(args, "content", None))
    lessons, errors = load_lessons([root / "lessons"])
    scenarios, problems = load_all_scenarios(root)
    progress = load_progress()
    if progress.warning:
        sys.stderr.write(f"gradrepl: {progress.warning}\n")
    yours = [s for s in scenarios if s.origin]
    sys.stdout.write(render_list(lessons, {s.id: s for s in scenarios if not s.origin}, progress, yours))
    for problem in problems:  # a broken scenario does not change the exit status of a listing
        sys.stderr.write(f"gradrepl: {problem}\n")
    for error in errors:
        sys.stderr.write(f"gradrepl: {error}\n")
    return 1 if errors else 0


def verify_lessons(
    paths: Iterable[str | Path],
    *,
    runner: RunnerLike | None = None,
    play: bool = True,
    framework: str | None = None,
    pattern: str | None = None,
) -> list[PhaseResult]:
    """Check every lesson under ``paths``; one PhaseResult (phase ``lesson``) per lesson.

    ``paths`` are lesson directories, their lesson.toml, or directories of
    lessons. Each lesson is loaded (format errors become a failed ``load``
    verdict naming file and line), cross-checked against the scenarios of its
    content directory (``<root>/scenarios``, where ``<root>/lessons`` holds the
    lesson): every listed scenario exists and says ``lesson = <id>``, and every
    scenario that says so is listed. With ``play`` (the default) its steps are
    then played through ``runner`` (a ``gradrepl.runner.runner.Runner``; one
    is opened and closed here when None), one verdict per step, stopping at
    the first failing step. The PhaseResult's ``scenario`` is the lesson id,
    ``framework`` is empty and ``script`` is the lesson.toml path.

    ``framework`` (``gradrepl check --framework``) plays only the steps on that
    framework: a ``load`` of another framework and the steps up to the next
    ``load`` are passed over (and counted in one verdict). ``pattern``
    (``gradrepl check -k``) keeps the lessons whose id contains it or that
    list a scenario whose id does.
    """
    errors: list[GradreplError] = []
    directories = [d for d in find_lesson_dirs(paths, errors) if _selected(d, pattern)]
    results = [PhaseResult(str(e.path or "lessons"), "", "lesson", str(e.path or ""), (Verdict("", "load", False, str(e)),)) for e in errors]
    with _runner(runner if play else _NO_RUNNER) as active:
        results.extend(_verify_one(directory, active, play, framework) for directory in directories)
    return results


def _selected(directory: Path, pattern: str | None) -> bool:
    """Whether ``-k pattern`` keeps this lesson: by its id, or by the ids of its scenarios."""
    if not pattern or pattern in directory.name:
        return True
    try:
        return any(pattern in sid for sid in load_lesson(directory).scenarios)
    except GradreplError:
        return False  # its id does not match; a broken lesson that does is reported when verified


def _verify_one(directory: Path, runner: RunnerLike, play: bool, framework: str | None = None) -> PhaseResult:
    started = time.perf_counter()
    try:
        lesson = load_lesson(directory)
    except GradreplError as error:
        return PhaseResult(directory.name, "", "lesson", str(directory / "lesson.toml"), (Verdict("", "load", False, str(error)),))
    scenarios, problems = lesson_scenarios(lesson)
    verdicts = [Verdict("", "scenarios", False, f"{display_path(lesson.path)}: {p}") for p in problems]
    if not problems and play:
        verdicts.extend(_step_verdicts(lesson, scenarios, runner, framework))
    if not verdicts:
        verdicts.append(Verdict("", "load", True, f"{lesson.id} loads and its scenarios belong to it"))
    ms = (time.perf_counter() - started) * 1000
    return PhaseResult(lesson.id, "", "lesson", str(lesson.path), tuple(verdicts), duration_ms=ms)


def _step_verdicts(lesson: Lesson, scenarios: dict[str, Scenario], runner: RunnerLike, framework: str | None = None) -> list[Verdict]:
    player = LessonPlayer(lesson, scenarios, runner)
    verdicts = []
    other = ""  # while set, the steps belong to a framework --framework left out
    passed_over = 0
    for number, step in enumerate(lesson.steps, start=1):
        if step.kind == "load":
            other = _other_framework(step, scenarios, framework)
        if other and step.kind != "show":
            passed_over += 1
            continue
        result = player.play(step)
        where = f"{display_path(lesson.path)}:{step.line}: step {number} ({step.describe()})"
        message = f"{where}: {result.message}" if not result.passed else f"{where}: ok"
        verdicts.append(Verdict(step.target, step.kind, result.passed, message))
        if not result.passed:
            break
    if passed_over:
        message = f"{display_path(lesson.path)}: {passed_over} step(s) on other frameworks not played (--framework {framework})"
        verdicts.append(Verdict("", "framework", True, message))
    return verdicts


def _other_framework(step: Step, scenarios: dict[str, Scenario], only: str | None) -> str:
    """The framework this load step uses when it is not ``only``; "" when it is (or cannot be told)."""
    scenario = scenarios.get(step.scenario)
    framework = step.framework or (scenario.frameworks[0] if scenario is not None else "")
    return framework if only and framework and framework != only else ""


def lesson_scenarios(lesson: Lesson) -> tuple[dict[str, Scenario], list[str]]:
    """The scenarios a lesson uses, by id, and what is wrong with the pairing (if anything)."""
    directory = lesson.directory.parent.parent / "scenarios"
    if not directory.is_dir():
        directory = content_root() / "scenarios"
    loaded, load_errors = load_scenarios([directory])
    by_id = {s.id: s for s in loaded}
    broken = {Path(str(e.path)).parent.name: e for e in load_errors}
    problems = []
    for sid in lesson.scenarios:
        if sid in broken:
            problems.append(f"scenario {sid!r} does not load: {broken[sid]}")
        elif sid not in by_id:
            problems.append(f"scenario {sid!r} is listed but {directory / sid} does not exist")
        elif by_id[sid].lesson != lesson.id:
            problems.append(f"scenario {sid!r} says lesson = {by_id[sid].lesson!r}, not {lesson.id!r}")
    problems += [f"scenario {s.id!r} says lesson = {lesson.id!r} but is not in 'scenarios'" for s in loaded if s.lesson == lesson.id and s.id not in lesson.scenarios]
    return {sid: by_id[sid] for sid in lesson.scenarios if sid in by_id}, problems


class _NoRunner:
    """Stands in when lessons are only loaded and cross-checked, never played."""

    def run(self, framework: str, request: object) -> object:  # pragma: no cover - never called
        raise GradreplError("lessons are not played in this check")


_NO_RUNNER = _NoRunner()


@contextmanager
def _runner(given: RunnerLike | None) -> Iterator[RunnerLike]:
    """The given runner, or a fresh one (no spare: headless runs go one after another)."""
    if given is not None:
        yield given
        return
    from gradrepl.runner.runner import Runner

    with Runner(spare=False) as runner:
        yield runner
