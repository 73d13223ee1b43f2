"""Provides Progress: one rewritten status line on a terminal, plain lines elsewhere."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Shows what a long headless command is doing, on stderr."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.live = _isatty(self.stream)
        self.quiet = quiet
        self.started = time.perf_counter()
        self._shown = False

    def status(self, text: str) -> None:
        """A transient state ("loading tensorflow"): rewritten on a terminal, a line elsewhere."""
        if self.quiet:
            return
        if self.live:
            elapsed = time.perf_counter() - self.started
            self.stream.write(f"\r\x1b[K{text}  ({elapsed:.1f} s)")
            self._shown = True
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def note(self, text: str) -> None:
        """A line that stays, e.g. a skipped framework."""
        if self.quiet:
            return
        self.clear()
        self.stream.write(text + "\n")
        self.stream.flush()

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
