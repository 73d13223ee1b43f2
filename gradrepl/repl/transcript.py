"""Provides the Transcript: a REPL session's inputs as one growing script.

Every input is run with its lines numbered where they fall in the session's
script (the code is padded with blank lines), so the line a diagnosis or a
traceback names is the line of the script ``:save`` writes, and a function
defined three inputs ago still reports its own lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntryOutcome = Literal["pending", "completed", "raised", "interrupted", "lost"]

FILENAME = "<repl>"
"""The file name every REPL run uses, so all inputs share one line numbering."""


@dataclass
class Entry:
    """One input the user ran (or a loaded script, run as the first input)."""

    source: str
    first_line: int
    """Line of the session script where this input starts (1-based)."""
    origin: str = ""
    """Where the text came from when it was not typed: a script path or scenario id."""
    outcome: EntryOutcome = "pending"

    @property
    def line_count(self) -> int:
        return self.source.count("\n") + 1

    @property
    def last_line(self) -> int:
        return self.first_line + self.line_count - 1


@dataclass
class Transcript:
    """The inputs of one REPL session, in the order they ran."""

    entries: list[Entry] = field(default_factory=list)

    def next_line(self) -> int:
        return self.entries[-1].last_line + 1 if self.entries else 1

    def add(self, source: str, origin: str = "") -> Entry:
        entry = Entry(source=source.rstrip("\n"), first_line=self.next_line(), origin=origin)
        self.entries.append(entry)
        return entry

    def clear(self) -> None:
        self.entries.clear()

    def positioned(self, entry: Entry, code: str) -> str:
        """``code`` (the entry's text, possibly rewritten) placed at the entry's lines."""
        return "\n" * (entry.first_line - 1) + code

    def line(self, number: int) -> str | None:
        """The text of line ``number`` of the session script, or None when out of range."""
        for entry in self.entries:
            if entry.first_line <= number <= entry.last_line:
                return entry.source.split("\n")[number - entry.first_line]
        return None

    def source(self) -> str:
        """Every input exactly as typed, in order: line N is line N of the session."""
        return "\n".join(e.source for e in self.entries)

    def script(self) -> str:
        """The session as a script whose line numbers equal the session's.

        Inputs that raised or were interrupted are kept as comments: the file
        then runs to the end, and every later line keeps its number.
        """
        parts = [_commented(e) if e.outcome in ("raised", "interrupted") else e.source for e in self.entries]
        return "\n".join(parts) + ("\n" if parts else "")

    def completed(self) -> list[Entry]:
        return [e for e in self.entries if e.outcome == "completed"]


def _commented(entry: Entry) -> str:
    reason = "raised" if entry.outcome == "raised" else "was interrupted"
    lines = entry.source.split("\n")
    lines[0] = f"# ({reason}) {lines[0]}"
    return "\n".join(lines[:1] + [f"# {line}" for line in lines[1:]])
