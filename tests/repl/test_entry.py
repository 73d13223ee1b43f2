"""Tests for when Enter runs an input and how a continued line is indented."""

from __future__ import annotations

import pytest

from gradrepl.repl.entry import enter_action, next_indent


@pytest.mark.parametrize(
    "text,action",
    [
        ("x = 1", "accept"),
        (":why x", "accept"),
        ("", "accept"),
        ("x = = 1", "accept"),  # the validator then shows the error
        ("def f():", "newline"),
        ("x = [1,", "newline"),
        ("def f():\n    return 1", "newline"),  # a block ends on an empty line
        ("def f():\n    return 1\n", "accept"),
        ("def f():\n    return 1\n    ", "accept"),
        ("x = [\n    1,\n]", "accept"),
        ("x = 1\ny = 2", "accept"),  # pasted statements
        ("x = [1,\n\n", "newline"),  # an empty line inside brackets is not the end
        ("s = '''a\n\n", "newline"),
        ("if x:\n    a\nelse:", "newline"),
        ("def f():\n\n", "accept"),  # nothing can finish it: run it and show the error
    ],
)
def test_enter_action(text: str, action: str) -> None:
    assert enter_action(text) == action


@pytest.mark.parametrize(
    "before,indent",
    [
        ("def f():", "    "),
        ("def f():  # note", "    "),
        ("    x = 1", "    "),
        ("    return x", ""),
        ("        pass", "    "),
        ("x = 1", ""),
        ("if a:\n    if b:", "        "),
    ],
)
def test_next_indent(before: str, indent: str) -> None:
    assert next_indent(before) == indent
