"""Tests for the input lexer: Pygments Python for code, a command style for ``:name``."""

from __future__ import annotations

from prompt_toolkit.document import Document

from gradrepl.repl.lexer import ReplLexer


def _styles(text: str, line: int = 0) -> list[tuple[str, str]]:
    return [(style, fragment) for style, fragment, *_ in ReplLexer().lex_document(Document(text))(line)]


def test_python_is_highlighted_by_pygments() -> None:
    fragments = _styles("def f(x):\n    return x.grad  # why None?", line=1)
    styles = {fragment: style for style, fragment in fragments}
    assert styles["return"] == "class:pygments.keyword"
    assert styles["# why None?"] == "class:pygments.comment.single"


def test_a_command_line_is_marked_as_a_command() -> None:
    assert _styles(":why model.fc.weight") == [("class:command", ":why"), ("", " model.fc.weight")]
