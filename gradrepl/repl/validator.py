"""Provides the validator that refuses to run an input that cannot compile.

As in ptpython, the error puts the cursor where the problem is
(``cursor_position``), so the user fixes it in place instead of retyping.
Meta-commands (``:why x``) are not Python and are always accepted here; the
command table answers unknown ones.
"""

from __future__ import annotations

from prompt_toolkit.document import Document
from prompt_toolkit.validation import ValidationError, Validator

from gradrepl.repl.source import syntax_problem


def is_command(text: str) -> bool:
    """Whether an input is a meta-command (``:name ...``), not Python."""
    return text.lstrip().startswith(":")


class PythonValidator(Validator):
    """Accepts an input that compiles; otherwise points at the syntax error."""

    def validate(self, document: Document) -> None:
        text = document.text
        if is_command(text) or not text.strip():
            return
        problem = syntax_problem(text)
        if problem is not None:
            raise ValidationError(cursor_position=problem.cursor_position(text), message=problem.message)
