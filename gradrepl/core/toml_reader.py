"""Provides TomlReader: typed reads from parsed TOML that fail with file and line.

Every failure is one GradreplError naming the file and the line of the key (or
of its table, for a missing key), found with ``toml_lines.key_lines``.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from gradrepl.core.content import display_path
from gradrepl.core.toml_lines import KeyPath, key_lines, line_of
from gradrepl.errors import GradreplError

_AT = re.compile(r"\(at line (\d+), column \d+\)")


def parse(path: Path) -> tuple[dict[str, Any], TomlReader]:
    """Read and parse ``path``; a syntax error is a GradreplError with tomllib's line."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise GradreplError(f"cannot read the file: {error.strerror or error}", path=shown) from None
    except UnicodeDecodeError:
        raise GradreplError("the file is not UTF-8 text", path=shown) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _AT.search(message)
        line = int(match.group(1)) if match else None
        message = _AT.sub("", message).strip()
        raise GradreplError(f"invalid TOML: {message}", path=shown, line=line) from None
    return data, TomlReader(shown, key_lines(text))


def header(path: KeyPath) -> str:
    """How a table is written in the file: ``[[torch.expect]]``, ``[hints]``."""
    if not path:
        return "the top level"
    names = [str(p) for p in path if isinstance(p, str)]
    return f"[[{'.'.join(names)}]]" if isinstance(path[-1], int) else f"[{'.'.join(names)}]"


class TomlReader:
    """Typed access to one parsed TOML file, with errors at the right line."""

    def __init__(self, shown: str, lines: dict[KeyPath, int]) -> None:
        self.path = shown
        self.lines = lines

    def line(self, path: KeyPath) -> int:
        return line_of(self.lines, path)

    def error(self, path: KeyPath, message: str) -> GradreplError:
        return GradreplError(message, path=self.path, line=self.line(path))

    def keys(self, data: dict[str, Any], path: KeyPath, required: Iterable[str], optional: Iterable[str] = ()) -> None:
        """Fail on the first unknown key, then on the first missing required key."""
        required = list(required)
        known = [*required, *optional]
        for key in data:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"did you mean {close[0]!r}?" if close else f"expected one of: {', '.join(known)}"
                raise self.error((*path, key), f"unknown key {key!r} in {header(path)}; {hint}")
        for key in required:
            if key not in data:
                raise self.error(path, f"missing required key {key!r} in {header(path)}")

    def table(self, data: dict[str, Any], path: KeyPath, key: str) -> dict[str, Any]:
        value = data[key]
        if not isinstance(value, dict):
            raise self.error((*path, key), f"{key!r} must be a table ([{key}] or {{...}}), not {_kind(value)}")
        return value

    def tables(self, data: dict[str, Any], path: KeyPath, key: str) -> list[dict[str, Any]]:
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.error((*path, key), f"{key!r} must be an array of tables ([[...{key}]] rows)")
        return value

    def string(self, data: dict[str, Any], path: KeyPath, key: str, *, empty: bool = False) -> str:
        value = data[key]
        if not isinstance(value, str):
            raise self.error((*path, key), f"{key!r} must be a string, not {_kind(value)}")
        if not empty and not value.strip():
            raise self.error((*path, key), f"{key!r} must not be empty")
        return value

    def strings(self, data: dict[str, Any], path: KeyPath, key: str, *, empty: bool = False) -> tuple[str, ...]:
        value = data[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error((*path, key), f"{key!r} must be a list of strings")
        if not empty and not value:
            raise self.error((*path, key), f"{key!r} must not be empty")
        duplicates = sorted({v for v in value if value.count(v) > 1})
        if duplicates:
            raise self.error((*path, key), f"{key!r} lists {duplicates[0]!r} twice")
        return tuple(value)

    def integer(self, data: dict[str, Any], path: KeyPath, key: str, *, minimum: int = 1) -> int:
        value = data[key]
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise self.error((*path, key), f"{key!r} must be an integer of at least {minimum}, not {value!r}")
        return value

    def number(self, data: dict[str, Any], path: KeyPath, key: str) -> float:
        value = data[key]
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise self.error((*path, key), f"{key!r} must be a number, not {_kind(value)}")
        return float(value)

    def numbers(self, data: dict[str, Any], path: KeyPath, key: str) -> tuple[float, ...]:
        value = data[key]
        if not isinstance(value, list) or not value or not all(_is_number(v) for v in value):
            raise self.error((*path, key), f"{key!r} must be a non-empty list of numbers")
        return tuple(float(v) for v in value)

    def choice(self, data: dict[str, Any], path: KeyPath, key: str, allowed: Collection[str], what: str) -> str:
        value = self.string(data, path, key)
        if value not in allowed:
            raise self.error((*path, key), f"unknown {what} {value!r}; expected one of: {', '.join(allowed)}")
        return value


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _kind(value: object) -> str:
    names = {str: "a string", int: "an integer", float: "a number", bool: "a boolean", list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)
