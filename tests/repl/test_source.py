"""Tests for what the REPL works out from source text before running it."""

from __future__ import annotations

import pytest

from gradrepl.repl.source import (
    VALUE_NAME,
    bound_names,
    capture_last_value,
    completeness,
    restore_lines,
    syntax_problem,
)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("x = 1", "complete"),
        ("def f():", "incomplete"),
        ("x = (1,", "incomplete"),
        ("'''doc", "incomplete"),
        ("x = 1 \\", "incomplete"),
        ("x = = 1", "invalid"),
    ],
)
def test_completeness(text: str, expected: str) -> None:
    assert completeness(text) == expected


def test_last_expression_is_captured_without_moving_lines() -> None:
    code, captured = capture_last_value("x = 1\n(x +\n  2)  # two lines")
    assert captured
    assert code.split("\n") == ["x = 1", f"{VALUE_NAME} = ((x +", "  2))  # two lines"]
    namespace: dict[str, object] = {}
    exec(compile(code, "<t>", "exec"), namespace)
    assert namespace[VALUE_NAME] == 3


def test_capture_handles_non_ascii_before_the_expression() -> None:
    code, captured = capture_last_value("s = 'é'; s")
    assert captured
    namespace: dict[str, object] = {}
    exec(code, namespace)
    assert namespace[VALUE_NAME] == "é"


@pytest.mark.parametrize("text", ["x = 1", "for i in range(2):\n    i", "import os", "x = = 1"])
def test_nothing_is_captured_unless_the_last_statement_is_an_expression(text: str) -> None:
    assert capture_last_value(text) == (text, False)


def test_syntax_problem_points_at_the_error() -> None:
    text = "a = 1\nb = (2 +\nc = 3"
    problem = syntax_problem(text)
    assert problem is not None and problem.line == 2
    assert text[problem.cursor_position(text)] == "("
    assert syntax_problem("a = 1") is None


def test_cursor_position_is_clamped_to_the_text() -> None:
    problem = syntax_problem("x = = 1")
    assert problem is not None
    assert problem.cursor_position("x = = 1") == 4
    assert 0 <= problem.cursor_position("") <= 0


def test_bound_names_are_top_level_only() -> None:
    text = (
        "import torch.nn as nn, os.path\n"
        "x, (y, z) = 1, (2, 3)\n"
        "def f(a):\n    inner = 1\n"
        "for i in range(2): pass\n"
        "[k for k in range(2)]\n"
        "with open('f') as handle: pass\n"
    )
    assert bound_names(text) == ["nn", "os", "x", "y", "z", "f", "i", "handle"]


def test_restore_lines_shows_what_was_typed() -> None:
    typed = "x = 1\n(x +\n  2)"
    code, _ = capture_last_value(typed)
    warning = f"<repl>:2: UserWarning: careful\n  {VALUE_NAME} = ((x +\n"
    assert restore_lines(warning, typed, code) == "<repl>:2: UserWarning: careful\n  (x +\n"
