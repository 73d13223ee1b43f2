"""Provides read_lesson(): lesson.toml + lesson.md → Lesson, enforcing the lesson format.

The rules are those of docs/lesson-format.md. The first problem found is
raised as one GradreplError naming the file and line. Cross-checks against the
scenario files (do the listed scenarios exist and belong here?) are the
checker's job: ``gradrepl.faces.lesson.verify_lessons``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from gradrepl.core import causes, documents
from gradrepl.core.content import display_path
from gradrepl.core.lesson import FORMAT, MARKDOWN_NAME, SCRIPT_ROLES, STEP_KINDS, Lesson, Step, split_sections
from gradrepl.core.scenario import FRAMEWORKS, SYMPTOMS
from gradrepl.core.toml_lines import KeyPath
from gradrepl.core.toml_reader import TomlReader, parse
from gradrepl.errors import GradreplError

ID_PATTERN = re.compile(r"^(\d\d)-[a-z0-9]+(-[a-z0-9]+)*$")
TOP_REQUIRED = ("format", "id", "title", "order", "summary", "scenarios", "steps")
STEP_KEYS: dict[str, tuple[str, ...]] = {
    "show": ("section", "text"),
    "load": ("scenario", "framework", "file"),
    "edit": ("lines", "text", "find", "replace", "solution"),
    "run": (),
    "expect": ("target", "symptom", "cause", "line", "checks", "error", "output", "claim"),
}


def read_lesson(path: Path) -> Lesson:
    """Parse and validate ``path`` (a lesson.toml) and the lesson.md beside it."""
    data, reader = parse(path)
    reader.keys(data, (), TOP_REQUIRED)
    if reader.integer(data, (), "format", minimum=0) != FORMAT:
        raise reader.error(("format",), f"unsupported format {data['format']}; this gradrepl reads format {FORMAT}")
    lesson_id = _lesson_id(data, reader, path.parent.name)
    markdown = _markdown(path.parent / MARKDOWN_NAME)
    sections = split_sections(markdown)
    scenarios = reader.strings(data, (), "scenarios")
    steps = _steps(data, reader, scenarios, {s.heading for s in sections})
    return Lesson(
        id=lesson_id,
        title=reader.string(data, (), "title"),
        order=reader.integer(data, (), "order"),
        summary=reader.string(data, (), "summary"),
        scenarios=scenarios,
        steps=steps,
        directory=path.parent,
        markdown=markdown,
        sections=sections,
    )


def _lesson_id(data: dict[str, Any], reader: TomlReader, directory_name: str) -> str:
    lesson_id = reader.string(data, (), "id")
    if lesson_id != directory_name:
        raise reader.error(("id",), f"id {lesson_id!r} differs from the directory name {directory_name!r}")
    match = ID_PATTERN.match(lesson_id)
    if match is None:
        raise reader.error(("id",), f"id {lesson_id!r} must look like '04-cutting-the-graph' (two digits, a dash, lowercase words)")
    order = reader.integer(data, (), "order")
    if order != int(match.group(1)):
        raise reader.error(("order",), f"order {order} differs from the number {match.group(1)} the id starts with")
    return lesson_id


def _markdown(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GradreplError(f"missing {MARKDOWN_NAME}: every lesson needs its text beside lesson.toml", path=display_path(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise GradreplError(f"cannot read the file: {error}", path=display_path(path)) from None
    if not text.strip():
        raise GradreplError("the lesson text is empty", path=display_path(path), line=1)
    return text


def _steps(data: dict[str, Any], reader: TomlReader, scenarios: tuple[str, ...], headings: set[str]) -> tuple[Step, ...]:
    rows = reader.tables(data, (), "steps")
    if not rows:
        raise reader.error(("steps",), "a lesson needs at least one [[steps]] row")
    state = _PlayState()
    steps = []
    for i, row in enumerate(rows):
        step = _step(row, reader, ("steps", i), scenarios, headings)
        state.advance(step, reader, ("steps", i))
        steps.append(step)
    return tuple(steps)


class _PlayState:
    """Tracks what a step may rely on: a loaded script before an edit, a run before an expect."""

    def __init__(self) -> None:
        self.loaded = False
        self.ran = False
        self.solution = False
        """The editor holds the unchanged solution script (its checks can be judged)."""

    def advance(self, step: Step, reader: TomlReader, here: KeyPath) -> None:
        if step.kind in ("edit", "run") and not self.loaded:
            raise reader.error((*here, "do"), f"a {step.kind!r} step needs a 'load' step before it")
        if step.kind == "expect" and not self.ran:
            raise reader.error((*here, "do"), "an 'expect' step needs a 'run' step before it")
        if step.kind == "expect" and step.checks and not self.solution:
            message = "'checks = true' needs the solution in the editor (a load with file = \"solution\", or an edit with solution = true)"
            raise reader.error((*here, "checks"), message)
        if step.kind == "load":
            self.loaded, self.ran, self.solution = True, False, step.file == "solution"
        elif step.kind == "edit":
            self.ran, self.solution = False, step.solution
        elif step.kind == "run":
            self.ran = True


def _step(row: dict[str, Any], reader: TomlReader, here: KeyPath, scenarios: tuple[str, ...], headings: set[str]) -> Step:
    if "do" not in row:
        raise reader.error(here, f"missing required key 'do' in [[steps]]; expected one of: {', '.join(STEP_KINDS)}")
    kind = reader.choice(row, here, "do", STEP_KINDS, "step kind")
    reader.keys(row, here, ("do",), (*STEP_KEYS[kind], "note"))
    common = {"kind": kind, "line": reader.line(here), "note": reader.string(row, here, "note") if "note" in row else ""}
    builder = {"show": _show, "load": _load, "edit": _edit, "run": lambda *_: {}, "expect": _expect}[kind]
    return Step(**common, **builder(row, reader, here, scenarios, headings))


def _show(row: dict[str, Any], reader: TomlReader, here: KeyPath, _s: tuple[str, ...], headings: set[str]) -> dict[str, Any]:
    if ("section" in row) == ("text" in row):
        raise reader.error(here, "a 'show' step needs exactly one of 'section' (a lesson.md heading) or 'text'")
    if "text" in row:
        return {"text": reader.string(row, here, "text")}
    section = reader.string(row, here, "section")
    if section not in headings:
        known = "; ".join(sorted(headings)) or "none"
        raise reader.error((*here, "section"), f"lesson.md has no '## {section}' heading; its headings are: {known}")
    return {"section": section}


def _load(row: dict[str, Any], reader: TomlReader, here: KeyPath, scenarios: tuple[str, ...], _h: set[str]) -> dict[str, Any]:
    if "scenario" not in row:
        raise reader.error(here, "a 'load' step needs 'scenario'")
    scenario = reader.string(row, here, "scenario")
    if scenario not in scenarios:
        raise reader.error((*here, "scenario"), f"scenario {scenario!r} is not in this lesson's 'scenarios' list")
    out: dict[str, Any] = {"scenario": scenario}
    if "framework" in row:
        out["framework"] = reader.choice(row, here, "framework", FRAMEWORKS, "framework")
    if "file" in row:
        out["file"] = reader.choice(row, here, "file", SCRIPT_ROLES, "file")
    return out


def _edit(row: dict[str, Any], reader: TomlReader, here: KeyPath, _s: tuple[str, ...], _h: set[str]) -> dict[str, Any]:
    forms = [("lines" in row), ("find" in row), ("solution" in row)]
    if sum(forms) != 1:
        raise reader.error(here, "an 'edit' step needs exactly one of 'lines' (with 'text'), 'find' (with 'replace') or 'solution = true'")
    if "solution" in row:
        if row["solution"] is not True:
            raise reader.error((*here, "solution"), "'solution' must be true when given")
        _forbid(row, reader, here, ("text", "replace"), "with 'solution'")
        return {"solution": True}
    if "lines" in row:
        _forbid(row, reader, here, ("replace",), "with 'lines' (use 'text')")
        return {"lines": _line_range(row, reader, here), "replace": _replacement(row, reader, here, "text")}
    _forbid(row, reader, here, ("text",), "with 'find' (use 'replace')")
    return {"find": reader.string(row, here, "find"), "replace": _replacement(row, reader, here, "replace")}


def _forbid(row: dict[str, Any], reader: TomlReader, here: KeyPath, keys: tuple[str, ...], context: str) -> None:
    for key in keys:
        if key in row:
            raise reader.error((*here, key), f"'{key}' does not go {context}")


def _replacement(row: dict[str, Any], reader: TomlReader, here: KeyPath, key: str) -> str:
    if key not in row:
        raise reader.error(here, f"this 'edit' step needs '{key}' (the new code; it may be empty)")
    return reader.string(row, here, key, empty=True)


def _line_range(row: dict[str, Any], reader: TomlReader, here: KeyPath) -> tuple[int, int]:
    value = row["lines"]
    ok = isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    if not ok or not 1 <= value[0] <= value[1]:
        raise reader.error((*here, "lines"), f"'lines' must be [first, last] with 1 <= first <= last, not {value!r}")
    return (value[0], value[1])


def _expect(row: dict[str, Any], reader: TomlReader, here: KeyPath, _s: tuple[str, ...], _h: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "target" in row:
        out["target"] = reader.string(row, here, "target")
        if "symptom" not in row and "cause" not in row:
            raise reader.error((*here, "target"), "an expected 'target' needs a 'symptom' or a 'cause'")
    for key in ("symptom", "cause", "line"):
        if key in row and "target" not in row:
            raise reader.error((*here, key), f"'{key}' needs a 'target' (the variable it is about)")
    if "symptom" in row:
        out["symptom"] = reader.choice(row, here, "symptom", SYMPTOMS, "symptom")
    if "cause" in row:
        out["cause"] = reader.string(row, here, "cause")
        if not causes.is_known(out["cause"]):
            raise reader.error((*here, "cause"), f"unknown cause {out['cause']!r}; the cause ids are listed in docs/causes.md")
    if "line" in row:
        out["at_line"] = reader.integer(row, here, "line")
    out.update(_expect_run(row, reader, here))
    if not any(k in row for k in ("target", "checks", "error", "output")):
        raise reader.error(here, "an 'expect' step needs at least one of 'target', 'checks', 'error' or 'output'")
    return out


def _expect_run(row: dict[str, Any], reader: TomlReader, here: KeyPath) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "checks" in row:
        if row["checks"] is not True:
            raise reader.error((*here, "checks"), "'checks' must be true when given")
        out["checks"] = True
    for key in ("error", "output"):
        if key in row:
            out[key] = reader.string(row, here, key)
    if "claim" in row:
        out["claim"] = reader.string(row, here, "claim")
        if not documents.is_known(out["claim"]):
            raise reader.error((*here, "claim"), f"unknown document {out['claim']!r}; the known titles are in gradrepl/core/documents.py")
    return out
