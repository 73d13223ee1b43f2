"""Provides when Enter runs an input and when it continues it on a new line.

The rules follow Python's own REPL, widened for editing a block before it runs:

* a meta-command or a one-line input runs unless it is unfinished
  (``def f():``, an open bracket, a trailing backslash, an open string);
* a multi-line input runs on an empty last line (as after a ``for`` block in
  Python), or when its last line is unindented and the whole is complete (a
  pasted ``x = 1`` / ``y = 2``, a closed bracket);
* an empty last line inside an open bracket or string is part of it, not the end.

Anything else gets a new line, indented like the last one (one level deeper
after a colon, one level shallower after ``return``/``pass``/...).
"""

from __future__ import annotations

import re
import warnings
from typing import Literal

from gradrepl.repl.source import completeness

EnterAction = Literal["accept", "newline"]
INDENT = "    "
_DEDENT_AFTER = re.compile(r"^\s*(pass|break|continue|return\b.*|raise\b.*)\s*(#.*)?$")
_STILL_OPEN = ("was never closed", "unterminated triple-quoted string")


def enter_action(text: str) -> EnterAction:
    """What Enter does with the cursor at the end of ``text``."""
    if text.lstrip().startswith(":") or not text.strip():
        return "accept"
    state = completeness(text)
    if "\n" not in text:
        return "newline" if state == "incomplete" else "accept"
    last = text.rsplit("\n", 1)[1]
    if not last.strip():
        return "newline" if _still_open(text) else "accept"
    if last[:1] in (" ", "\t"):
        return "newline"
    return "newline" if state == "incomplete" else "accept"


def _still_open(text: str) -> bool:
    """Whether ``text`` ends inside a bracket or a triple-quoted string."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(text, "<input>", "exec", dont_inherit=True)
    except SyntaxError as error:
        return any(marker in str(error.msg) for marker in _STILL_OPEN)
    except (ValueError, OverflowError):
        return False
    return False


def next_indent(text_before_cursor: str) -> str:
    """The indentation for a new line typed after ``text_before_cursor``."""
    line = text_before_cursor.rsplit("\n", 1)[-1]
    indent = line[: len(line) - len(line.lstrip())]
    code = line.split("#", 1)[0].rstrip()
    if code.endswith(":"):
        return indent + INDENT
    if _DEDENT_AFTER.match(line):
        return indent[: max(0, len(indent) - len(INDENT))]
    return indent


def finished_text(text: str) -> str:
    """The input as it runs and enters the history: without trailing blank lines."""
    return text.rstrip()
