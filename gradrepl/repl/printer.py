"""Provides the Printer: everything the REPL writes between prompts goes through it.

Output is plain text with optional ANSI colour, so tests read exactly what a
user sees (minus colour) from a StringIO, and colour follows the terminal and
``NO_COLOR``.
"""

from __future__ import annotations

import os
import sys
from typing import Literal, TextIO

Tone = Literal["plain", "value", "error", "notice", "info", "ok", "heading"]

_ANSI: dict[Tone, str] = {
    "plain": "",
    "value": "",
    "error": "\x1b[31m",
    "notice": "\x1b[33m",
    "info": "\x1b[2m",
    "ok": "\x1b[32m",
    "heading": "\x1b[1m",
}
_RESET = "\x1b[0m"


class Printer:
    """Writes lines to a stream, coloured by tone when the stream is a terminal."""

    def __init__(self, stream: TextIO | None = None, color: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stdout
        self.color = _wants_color(self.stream) if color is None else color

    def write(self, text: str, tone: Tone = "plain") -> None:
        """Write ``text`` as it is (a trailing newline is added when missing)."""
        if not text:
            return
        if not text.endswith("\n"):
            text += "\n"
        code = _ANSI[tone] if self.color else ""
        self.stream.write(f"{code}{text[:-1]}{_RESET}\n" if code else text)
        self.stream.flush()

    def raw(self, text: str) -> None:
        """Write text that may already carry ANSI colour (e.g. Pygments output)."""
        self.stream.write(text if text.endswith("\n") else text + "\n")
        self.stream.flush()

    def error(self, text: str) -> None:
        self.write(text, "error")

    def notice(self, text: str) -> None:
        self.write(text, "notice")

    def info(self, text: str) -> None:
        self.write(text, "info")


def _wants_color(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
