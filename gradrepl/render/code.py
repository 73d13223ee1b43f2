"""Provides code excerpts for the terminal: numbered lines around a culprit, optionally highlighted."""

from __future__ import annotations

import os
from typing import TextIO

BOLD = "\x1b[1m"
DIM = "\x1b[2m"
RED = "\x1b[31m"
GREEN = "\x1b[32m"
YELLOW = "\x1b[33m"
RESET = "\x1b[0m"


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def style(text: str, code: str, color: bool) -> str:
    """``text`` wrapped in an ANSI style when ``color`` is on."""
    return f"{code}{text}{RESET}" if color else text


def highlight_lines(source: str, color: bool) -> list[str]:
    """The source's lines, Pygments-highlighted as Python when ``color`` is on."""
    if not color:
        return source.splitlines()
    from pygments import highlight
    from pygments.formatters import TerminalFormatter
    from pygments.lexers import PythonLexer

    # highlight the whole file so a line inside a docstring keeps its colour
    lines = highlight(source, PythonLexer(stripnl=False, ensurenl=True), TerminalFormatter()).splitlines()
    return lines[: len(source.splitlines())]


def excerpt(source: str, line: int, *, context: int = 2, color: bool = False, indent: str = "  ") -> str:
    """Lines ``line - context`` to ``line + context`` with numbers, an arrow at ``line``."""
    plain = source.splitlines()
    if not 1 <= line <= len(plain):
        return ""
    shown = highlight_lines(source, color)
    first, last = max(1, line - context), min(len(plain), line + context)
    width = len(str(last))
    out = []
    for number in range(first, last + 1):
        marker = style("→", RED + BOLD, color) if number == line else " "
        gutter = style(f"{number:>{width}} │", DIM, color) if number != line else style(f"{number:>{width}} │", BOLD, color)
        code = f" {shown[number - 1]}" if plain[number - 1].strip() else ""
        out.append(f"{indent}{marker} {gutter}{code}")
    return "\n".join(out)
