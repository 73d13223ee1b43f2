"""Provides Tab completion: names from the live namespace in the worker, and meta-commands.

Python names (``x``, ``model.fc.we``) are completed by the worker that holds
the session's objects; ``:`` commands, framework names and scenario ids are
completed here. prompt_toolkit calls this in a thread, so a slow worker never
freezes typing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from gradrepl.repl import loading
from gradrepl.repl.commands import TABLE, command_names
from gradrepl.repl.state import FRAMEWORKS, ReplState
from gradrepl.repl.validator import is_command

_DOTTED = re.compile(r"[A-Za-z_][\w.]*$")
_EXPR_COMMANDS = ("why", "tree")


class ReplCompleter(Completer):
    """Completes Python from the worker's namespace and ``:commands`` locally."""

    def __init__(self, state: ReplState) -> None:
        self.state = state

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        before = document.text_before_cursor
        if is_command(document.text):
            yield from self._command(before.lstrip())
        else:
            yield from self._python(before)

    def _python(self, before: str) -> Iterable[Completion]:
        match = _DOTTED.search(before)
        if match is None:
            return
        prefix = match.group(0)
        for name in self.state.complete(prefix):
            if name.startswith(prefix) and name != prefix:
                yield Completion(name, start_position=-len(prefix), display=name.rsplit(".", 1)[-1])

    def _command(self, before: str) -> Iterable[Completion]:
        head, space, arg = before[1:].partition(" ")
        if not space:
            for name in command_names():
                if name.startswith(head.lower()):
                    yield Completion(name, start_position=-len(head))
            return
        command = TABLE.get(head.lower())
        if command is None:
            return
        if command.name in _EXPR_COMMANDS:
            yield from self._python(arg)
        elif command.name == "framework":
            yield from _words(FRAMEWORKS, arg)
        elif command.name == "load":
            yield from _words(loading.scenario_ids(self.state.content), arg)
        elif command.name == "help":
            yield from _words(command_names(), arg.lstrip(":"))


def _words(words: Iterable[str], typed: str) -> Iterable[Completion]:
    for word in words:
        if word.startswith(typed):
            yield Completion(word, start_position=-len(typed))
