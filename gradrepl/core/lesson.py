"""Provides the lesson model: load and validate ``lessons/<NN-slug>/`` (docs/lesson-format.md).

A lesson is prose (``lesson.md``, split into ``## `` sections) plus
``lesson.toml``: its id, title, order, the scenarios it teaches with, and the
scripted steps ``gradrepl lesson --play`` replays. ``load_lesson`` raises one
GradreplError naming the file and line; ``load_lessons`` collects errors and
goes on, so the checker can report them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from gradrepl.core.content import display_path, find_content_dirs, lessons_dir
from gradrepl.errors import GradreplError

FORMAT = 1
TOML_NAME = "lesson.toml"
MARKDOWN_NAME = "lesson.md"
STEP_KINDS = ("show", "load", "edit", "run", "expect")
SCRIPT_ROLES = ("starter", "solution")


@dataclass(frozen=True)
class Section:
    """One ``## heading`` of lesson.md and the text below it."""

    heading: str
    body: str
    line: int
    """The line of the heading in lesson.md."""


@dataclass(frozen=True)
class Step:
    """One scripted step. Which fields matter depends on ``kind`` (see docs/lesson-format.md)."""

    kind: str
    line: int
    """Where the ``[[steps]]`` row is written in lesson.toml."""
    note: str = ""
    # show
    section: str = ""
    text: str = ""
    # load
    scenario: str = ""
    framework: str = ""
    file: str = "starter"
    # edit: a line range, a snippet, or the solution
    lines: tuple[int, int] | None = None
    find: str = ""
    replace: str = ""
    solution: bool = False
    # expect
    target: str = ""
    symptom: str = ""
    cause: str = ""
    at_line: int | None = None
    checks: bool = False
    error: str = ""
    output: str = ""
    claim: str = ""
    """A source document title whose claim this expectation verifies."""

    def describe(self) -> str:
        """A short human description, for progress lines and failure messages."""
        return _DESCRIBE[self.kind](self)


def _describe_edit(step: Step) -> str:
    if step.solution:
        return "edit: load the solution"
    if step.lines is not None:
        return f"edit: replace lines {step.lines[0]}-{step.lines[1]}"
    return f"edit: replace {step.find.strip()!r}"


def _describe_expect(step: Step) -> str:
    parts = []
    if step.target:
        what = " ".join(p for p in (step.symptom, f"cause {step.cause}" if step.cause else "") if p)
        parts.append(f"{step.target} shows {what}" + (f" at line {step.at_line}" if step.at_line else ""))
    if step.checks:
        parts.append("the scenario's checks pass")
    if step.error:
        parts.append(f"an error mentioning {step.error!r}")
    if step.output:
        parts.append(f"output containing {step.output!r}")
    return "expect: " + "; ".join(parts)


_DESCRIBE = {
    "show": lambda s: f"show: {s.section or 'text'}",
    "load": lambda s: f"load: {s.scenario} ({s.framework or 'first framework'}, {s.file})",
    "edit": _describe_edit,
    "run": lambda s: "run",
    "expect": _describe_expect,
}


@dataclass(frozen=True)
class Lesson:
    """One validated lesson directory."""

    id: str
    title: str
    order: int
    summary: str
    scenarios: tuple[str, ...]
    steps: tuple[Step, ...]
    directory: Path
    markdown: str
    sections: tuple[Section, ...] = field(default_factory=tuple)

    @property
    def path(self) -> Path:
        return self.directory / TOML_NAME

    @property
    def markdown_path(self) -> Path:
        return self.directory / MARKDOWN_NAME

    def section(self, heading: str) -> Section | None:
        return next((s for s in self.sections if s.heading == heading), None)


def split_sections(markdown: str) -> tuple[Section, ...]:
    """The ``## `` sections of a lesson's markdown (text before the first one is not a section)."""
    sections: list[Section] = []
    heading: str | None = None
    start = 0
    body: list[str] = []
    in_fence = False
    for number, raw in enumerate(markdown.splitlines(), start=1):
        if raw.lstrip().startswith("```"):
            in_fence = not in_fence
        if not in_fence and raw.startswith("## "):
            if heading is not None:
                sections.append(Section(heading, "\n".join(body).strip("\n"), start))
            heading, start, body = raw[3:].strip(), number, []
        elif heading is not None:
            body.append(raw)
    if heading is not None:
        sections.append(Section(heading, "\n".join(body).strip("\n"), start))
    return tuple(sections)


def load_lesson(directory: str | Path) -> Lesson:
    """Load and validate one lesson directory; GradreplError on the first problem."""
    from gradrepl.core.lesson_reader import read_lesson

    directory = Path(directory)
    if directory.is_file() and directory.name in (TOML_NAME, MARKDOWN_NAME):
        directory = directory.parent
    if not (directory / TOML_NAME).is_file():
        raise GradreplError(f"no {TOML_NAME} in this directory", path=display_path(directory))
    return read_lesson(directory / TOML_NAME)


def load_lessons(paths: Iterable[str | Path] | None = None) -> tuple[list[Lesson], list[GradreplError]]:
    """Every lesson under ``paths`` (default: the content in use), sorted by order; errors beside."""
    lessons: list[Lesson] = []
    errors: list[GradreplError] = []
    for directory in find_lesson_dirs(paths or [lessons_dir()], errors):
        try:
            lessons.append(load_lesson(directory))
        except GradreplError as error:
            errors.append(error)
    lessons.sort(key=lambda lesson: (lesson.order, lesson.id))
    return lessons, errors


def find_lesson_dirs(paths: Iterable[str | Path], errors: list[GradreplError]) -> list[Path]:
    """Lesson directories under ``paths``, each once; unusable paths go to ``errors``."""
    return find_content_dirs(paths, TOML_NAME, "lesson", errors, files=(MARKDOWN_NAME,))


def is_lesson_path(path: str | Path) -> bool:
    """Whether ``path`` is a lesson directory, one of its files, or holds lesson directories."""
    path = Path(path)
    if path.name in (TOML_NAME, MARKDOWN_NAME) or (path / TOML_NAME).is_file():
        return True
    return path.is_dir() and any(path.glob(f"*/{TOML_NAME}"))


def find_lesson(name: str, content: str | Path | None = None) -> Lesson:
    """A lesson by id (``04-cutting-the-graph``), by number (``4``, ``04``) or by directory path."""
    as_path = Path(name)
    if as_path.is_dir() or as_path.name == TOML_NAME:
        return load_lesson(as_path)
    root = lessons_dir(content)
    candidates = sorted(p.parent for p in root.glob(f"*/{TOML_NAME}"))
    for directory in candidates:
        if directory.name == name or (name.isdigit() and directory.name.split("-", 1)[0].lstrip("0") == name.lstrip("0")):
            return load_lesson(directory)
    known = ", ".join(d.name for d in candidates) or "none"
    raise GradreplError(f"no lesson {name!r}; the lessons are: {known}")
