"""Provides Command and the table mechanics: parsing ``:name args`` and finding a handler."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from gradrepl.repl.state import ReplState

Handler = Callable[[ReplState, str], None]


@dataclass(frozen=True)
class Command:
    """One meta-command: its name, aliases, usage and what it does."""

    name: str
    handler: Handler
    summary: str
    args: str = ""
    """The argument as :help shows it, e.g. ``EXPR`` or ``[EXPR]``."""
    aliases: tuple[str, ...] = ()

    @property
    def usage(self) -> str:
        return f":{self.name} {self.args}".rstrip()


def parse(line: str) -> tuple[str, str]:
    """``:why  x.grad`` → (``why``, ``x.grad``); the name is lower-cased."""
    body = line.strip()[1:]
    name, _, arg = body.strip().partition(" ")
    return name.lower(), arg.strip()


def alias_table(commands: Sequence[Command]) -> dict[str, Command]:
    """Every name and alias → its command."""
    table: dict[str, Command] = {}
    for command in commands:
        for alias in (command.name, *command.aliases):
            table[alias] = command
    return table


def suggestion(name: str, table: dict[str, Command]) -> str:
    """``Unknown command :wy. Did you mean :why?`` (difflib over names and aliases)."""
    close = difflib.get_close_matches(name, list(table), n=1, cutoff=0.5)
    text = f"Unknown command :{name}." if name else "A command needs a name, e.g. :help."
    if close:
        text += f" Did you mean :{table[close[0]].name}?"
    return text + " (:help lists the commands)"
