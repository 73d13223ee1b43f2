"""Tests the lesson loader: valid lessons load; every bad input names its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from gradrepl.core.lesson import find_lesson, load_lesson, load_lessons, split_sections
from gradrepl.errors import GradreplError

GOOD_TOML = """\
format = 1
id = "01-demo"
title = "Demo"
order = 1
summary = "A demo lesson."
scenarios = ["s1", "s2"]

[[steps]]
do = "show"
section = "Intro"

[[steps]]
do = "load"
scenario = "s1"
framework = "torch"

[[steps]]
do = "run"

[[steps]]
do = "expect"
target = "x"
symptom = "grad_none"
cause = "detach"
line = 3
claim = "Why are no gradients being calculated for 'x_hat'?"

[[steps]]
do = "edit"
find = "y.detach()"
replace = "y"

[[steps]]
do = "run"

[[steps]]
do = "expect"
output = "tensor"

[[steps]]
do = "edit"
solution = true

[[steps]]
do = "run"

[[steps]]
do = "expect"
checks = true
"""
GOOD_MD = "# Demo\n\nIntro text before any section.\n\n## Intro\n\nHello.\n\n```python\n## a comment, not a heading\n```\n\n## Next\nMore.\n"


def write_lesson(root: Path, toml: str = GOOD_TOML, md: str | None = GOOD_MD, name: str = "01-demo") -> Path:
    directory = root / name
    directory.mkdir(parents=True)
    (directory / "lesson.toml").write_text(toml)
    if md is not None:
        (directory / "lesson.md").write_text(md)
    return directory


def test_a_valid_lesson_loads(tmp_path: Path) -> None:
    lesson = load_lesson(write_lesson(tmp_path))
    assert (lesson.id, lesson.title, lesson.order) == ("01-demo", "Demo", 1)
    assert lesson.scenarios == ("s1", "s2")
    assert [s.kind for s in lesson.steps] == ["show", "load", "run", "expect", "edit", "run", "expect", "edit", "run", "expect"]
    expect = lesson.steps[3]
    assert (expect.target, expect.symptom, expect.cause, expect.at_line) == ("x", "grad_none", "detach", 3)
    assert lesson.steps[1].framework == "torch" and lesson.steps[1].file == "starter"
    assert lesson.steps[4].find == "y.detach()" and lesson.steps[4].replace == "y"
    assert lesson.steps[6].output == "tensor" and lesson.steps[9].checks
    assert lesson.steps[0].line == 8  # the [[steps]] header line


def test_sections_skip_fenced_code() -> None:
    sections = split_sections(GOOD_MD)
    assert [s.heading for s in sections] == ["Intro", "Next"]
    assert "## a comment" in sections[0].body
    assert sections[0].line == 5


def _error(tmp_path: Path, toml: str, md: str | None = GOOD_MD) -> GradreplError:
    with pytest.raises(GradreplError) as info:
        load_lesson(write_lesson(tmp_path, toml, md))
    return info.value


def _line_of(toml: str, needle: str) -> int:
    return next(n for n, line in enumerate(toml.splitlines(), start=1) if needle in line)


@pytest.mark.parametrize(
    "old, new, message, needle",
    [
        ('id = "01-demo"', 'id = "01-other"', "differs from the directory name", "id ="),
        ("order = 1", "order = 2", "differs from the number 01", "order ="),
        ('title = "Demo"', 'titel = "Demo"', "unknown key 'titel'", "titel"),
        ('section = "Intro"', 'section = "Missing"', "no '## Missing' heading", "section ="),
        ('scenario = "s1"', 'scenario = "s9"', "not in this lesson's 'scenarios'", "scenario ="),
        ('framework = "torch"', 'framework = "jax"', "unknown framework 'jax'", "framework ="),
        ('symptom = "grad_none"', 'symptom = "grad_gone"', "unknown symptom", "symptom ="),
        ('cause = "detach"', 'cause = "gremlins"', "unknown cause 'gremlins'", "cause ="),
        ('claim = "Why', 'claim = "Not a document', "unknown document", "claim ="),
        ('do = "run"', 'do = "sprint"', "unknown step kind 'sprint'", 'do = "sprint"'),
        ('find = "y.detach()"\nreplace = "y"', 'lines = [3, 2]\ntext = "y"', "'lines' must be [first, last]", "lines ="),
        ("checks = true", "checks = false", "'checks' must be true", "checks ="),
    ],
)
def test_bad_values_name_file_and_line(tmp_path: Path, old: str, new: str, message: str, needle: str) -> None:
    toml = GOOD_TOML.replace(old, new, 1)
    assert toml != GOOD_TOML
    error = _error(tmp_path, toml)
    assert message in error.message
    assert error.path is not None and error.path.endswith("lesson.toml")
    assert error.line == _line_of(toml, needle)


def test_step_order_is_checked(tmp_path: Path) -> None:
    toml = GOOD_TOML.replace('[[steps]]\ndo = "load"\nscenario = "s1"\nframework = "torch"\n\n[[steps]]\ndo = "run"\n\n', "", 1)
    error = _error(tmp_path, toml)
    assert "needs a 'run' step before it" in error.message


def test_checks_need_the_solution_in_the_editor(tmp_path: Path) -> None:
    toml = GOOD_TOML.replace('do = "expect"\noutput = "tensor"', 'do = "expect"\nchecks = true')
    error = _error(tmp_path, toml)
    assert "'checks = true' needs the solution" in error.message and error.line == _line_of(toml, "checks = true")


def test_edit_needs_exactly_one_form(tmp_path: Path) -> None:
    toml = GOOD_TOML.replace('find = "y.detach()"\nreplace = "y"', 'find = "a"\nreplace = "b"\nsolution = true')
    assert "exactly one of" in _error(tmp_path, toml).message


def test_toml_syntax_error_has_tomllib_line(tmp_path: Path) -> None:
    toml = GOOD_TOML.replace('title = "Demo"', 'title = "Demo')
    error = _error(tmp_path, toml)
    assert error.message.startswith("invalid TOML") and error.line == 3


def test_missing_markdown_is_named(tmp_path: Path) -> None:
    error = _error(tmp_path, GOOD_TOML, md=None)
    assert "missing lesson.md" in error.message and str(error.path).endswith("lesson.md")


def test_missing_required_key(tmp_path: Path) -> None:
    error = _error(tmp_path, GOOD_TOML.replace('summary = "A demo lesson."\n', ""))
    assert "missing required key 'summary'" in error.message


def test_load_lessons_sorts_and_collects_errors(tmp_path: Path) -> None:
    write_lesson(tmp_path, GOOD_TOML.replace("01-demo", "02-second").replace("order = 1", "order = 2"), name="02-second")
    write_lesson(tmp_path)
    write_lesson(tmp_path, GOOD_TOML.replace("01-demo", "03-broken").replace("order = 1", "order = 3").replace("format = 1", "format = 7"), name="03-broken")
    lessons, errors = load_lessons([tmp_path])
    assert [lesson.id for lesson in lessons] == ["01-demo", "02-second"]
    assert len(errors) == 1 and "unsupported format 7" in str(errors[0])
    _, errors = load_lessons([tmp_path / "nope"])
    assert "no such file or directory" in str(errors[0])


def test_find_lesson_by_id_number_and_path(tmp_path: Path) -> None:
    root = tmp_path / "content"
    directory = write_lesson(root / "lessons")
    assert find_lesson("01-demo", root).id == "01-demo"
    assert find_lesson("1", root).id == "01-demo"
    assert find_lesson(str(directory)).id == "01-demo"
    with pytest.raises(GradreplError, match="no lesson 'zz'; the lessons are: 01-demo"):
        find_lesson("zz", root)
