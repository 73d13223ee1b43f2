"""Provides what the REPL needs to know about a piece of Python source, before it runs.

Everything here is pure text and ``ast`` work in the REPL's process: whether an
input is complete, where a syntax error is, and how to rewrite an input so that
its last expression's value is kept for display (the worker only execs code).
"""

from __future__ import annotations

import ast
import codeop
import warnings
from dataclasses import dataclass
from typing import Literal

VALUE_NAME = "__gradrepl_value__"
"""Where a rewritten input leaves its last expression's value for the display step."""

Completeness = Literal["complete", "incomplete", "invalid"]


@dataclass(frozen=True)
class SyntaxProblem:
    """A syntax error in an input, placed so an editor can put the cursor on it."""

    message: str
    line: int
    """1-based line within the input."""
    column: int
    """0-based character column within that line."""

    def cursor_position(self, text: str) -> int:
        """The offset into ``text`` of the error, clamped to the text."""
        lines = text.split("\n")
        index = min(max(self.line, 1), len(lines)) - 1
        column = min(max(self.column, 0), len(lines[index]))
        return sum(len(line) + 1 for line in lines[:index]) + column


def completeness(text: str) -> Completeness:
    """Whether ``text`` is a whole statement list, needs more lines, or cannot parse."""
    try:
        with warnings.catch_warnings():
            # An input like "'\d'" warns at compile time; the run reports it once.
            warnings.simplefilter("ignore")
            code = codeop.compile_command(text, "<input>", "exec")
    except (SyntaxError, ValueError, OverflowError):
        return "invalid"
    return "incomplete" if code is None else "complete"


def syntax_problem(text: str) -> SyntaxProblem | None:
    """The first syntax error of ``text`` as a whole module, or None when it parses."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(text, "<input>", "exec", dont_inherit=True)
    except SyntaxError as error:
        line = error.lineno or 1
        column = _char_column(text, line, (error.offset or 1) - 1)
        return SyntaxProblem(message=f"{error.msg} (line {line})", line=line, column=column)
    except (ValueError, OverflowError) as error:
        return SyntaxProblem(message=str(error), line=1, column=0)
    return None


def _char_column(text: str, line: int, offset: int) -> int:
    """SyntaxError offsets count characters already (3.10+); clamp them to the line."""
    lines = text.split("\n")
    if 1 <= line <= len(lines):
        return min(max(offset, 0), len(lines[line - 1]))
    return 0


def capture_last_value(text: str) -> tuple[str, bool]:
    """Rewrite ``text`` so its last statement, when it is an expression, stores its value.

    The expression ``e`` becomes ``__gradrepl_value__ = (e)``: the text is
    spliced, not unparsed, so every line keeps its number and the user's own
    formatting (tracebacks and diagnoses point at what they typed).

    Returns:
        The code to run and whether it captures a value.
    """
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return text, False
    if not tree.body or not isinstance(tree.body[-1], ast.Expr):
        return text, False
    # The statement, not its value: the statement's span includes enclosing parentheses.
    node = tree.body[-1]
    if node.end_lineno is None or node.end_col_offset is None:
        return text, False
    lines = text.split("\n")
    start = _byte_to_char(lines[node.lineno - 1], node.col_offset)
    end = _byte_to_char(lines[node.end_lineno - 1], node.end_col_offset)
    # Insert the closing parenthesis first so the opening one does not shift it.
    last = lines[node.end_lineno - 1]
    lines[node.end_lineno - 1] = f"{last[:end]}){last[end:]}"
    first = lines[node.lineno - 1]
    lines[node.lineno - 1] = f"{first[:start]}{VALUE_NAME} = ({first[start:]}"
    return "\n".join(lines), True


def restore_lines(text: str, original: str, rewritten: str) -> str:
    """``text`` (e.g. a warning that quotes its source line) with every line the
    rewrite changed shown as the user typed it."""
    for before, after in zip(original.split("\n"), rewritten.split("\n")):
        if before != after and after.strip():
            text = text.replace(after.strip(), before.strip())
    return text


def _byte_to_char(line: str, byte_offset: int) -> int:
    """ast column offsets count UTF-8 bytes; string slicing counts characters."""
    return len(line.encode("utf-8")[:byte_offset].decode("utf-8", errors="ignore"))


def bound_names(text: str) -> list[str]:
    """Top-level names an input binds (assignments, defs, imports), in order, once each."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return []
    names: list[str] = []
    stack: list[ast.AST] = list(reversed(tree.body))
    while stack:  # iterative: a long input must not hit the recursion limit
        node = stack.pop()
        names.extend(_names_bound_by(node))
        if not isinstance(node, _OWN_SCOPE):
            stack.extend(reversed(list(ast.iter_child_nodes(node))))
    return list(dict.fromkeys(n for n in names if not n.startswith("__gradrepl")))


# Names bound inside these belong to their own scope, not the session's.
_OWN_SCOPE = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Lambda,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
    ast.GeneratorExp,
)


def _names_bound_by(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
        return [node.id]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [(a.asname or a.name).split(".")[0] for a in node.names if a.name != "*"]
    return []
