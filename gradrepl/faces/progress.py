"""Provides Progress: one live status line on a terminal, plain lines elsewhere."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

TICK = 0.25
"""Seconds between redraws of the live line, so a long framework import visibly ticks."""


class Progress:
    """Shows what a long headless command is doing, on stderr."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.live = _isatty(self.stream)
        self.quiet = quiet
        self.started = time.perf_counter()
        self._text = ""
        self._shown = False
        self._lock = threading.Lock()
        self._ticker: threading.Thread | None = None
        self._stop = threading.Event()

    def status(self, text: str) -> None:
        """A transient state ("loading tensorflow"): redrawn on a terminal, one line elsewhere."""
        if self.quiet:
            return
        with self._lock:
            self._text = text
            if self.live:
                self._draw()
            else:
                self.stream.write(text + "\n")
                self.stream.flush()
        if self.live and self._ticker is None:
            self._ticker = threading.Thread(target=self._tick, name="gradrepl-progress", daemon=True)
            self._ticker.start()

    def note(self, text: str) -> None:
        """A line that stays, e.g. a skipped framework."""
        if self.quiet:
            return
        with self._lock:
            self._erase()
            self.stream.write(text + "\n")
            self.stream.flush()

    def clear(self) -> None:
        """Remove the live line and stop redrawing it."""
        self._stop.set()
        with self._lock:
            self._erase()

    def _draw(self) -> None:
        elapsed = time.perf_counter() - self.started
        self.stream.write(f"\r\x1b[K{self._text}  ({elapsed:.1f} s)")
        self.stream.flush()
        self._shown = True

    def _erase(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def _tick(self) -> None:
        while not self._stop.wait(TICK):
            with self._lock:
                if self._shown:
                    self._draw()


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
