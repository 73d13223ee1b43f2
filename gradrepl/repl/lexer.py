"""Provides the input lexer: Python highlighted by Pygments, meta-commands plainly marked."""

from __future__ import annotations

from collections.abc import Callable

from prompt_toolkit.document import Document
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.lexers import Lexer, PygmentsLexer
from pygments.lexers.python import PythonLexer

from gradrepl.repl.validator import is_command


class ReplLexer(Lexer):
    """Pygments' PythonLexer for code; a command style for ``:name args`` lines."""

    def __init__(self) -> None:
        self._python = PygmentsLexer(PythonLexer)

    def lex_document(self, document: Document) -> Callable[[int], StyleAndTextTuples]:
        if not is_command(document.text):
            return self._python.lex_document(document)
        lines = document.lines

        def command_line(number: int) -> StyleAndTextTuples:
            if number >= len(lines):
                return []
            name, space, rest = lines[number].partition(" ")
            return [("class:command", name), ("", space + rest)]

        return command_line
