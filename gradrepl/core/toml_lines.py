"""Provides key_lines(): the line on which each key of a TOML document is written.

``tomllib`` gives a line only for syntax errors; a validator that wants to say
*where* an unknown key or a bad value is needs the position of every key. This
scanner reads the text line by line (headers, ``key = value`` lines, values that
span lines) and maps each key path to its 1-based line. It assumes the text
already parsed with ``tomllib``, so it can stay small and forgiving.
"""

from __future__ import annotations

import re

KeyPath = tuple[str | int, ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map key paths (``("torch", "expect", 0, "symptom")``) to line numbers.

    Tables and arrays of tables map too: ``("torch",)`` is the ``[torch]``
    header, ``("torch", "expect", 1)`` the second ``[[torch.expect]]`` header.
    """
    lines: dict[KeyPath, int] = {}
    arrays: dict[tuple[str, ...], int] = {}
    prefix: KeyPath = ()
    carry = _Carry()
    for number, raw in enumerate(text.splitlines(), start=1):
        if carry.busy():
            carry.feed(raw)
            continue
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("["):
            prefix = _header(stripped, arrays, lines, number)
            continue
        keys, rest = _split_key(stripped)
        if keys is None:
            continue
        path = prefix + tuple(keys)
        for depth in range(len(prefix) + 1, len(path) + 1):
            lines.setdefault(path[:depth], number)
        carry.feed(rest)
    return lines


def line_of(lines: dict[KeyPath, int], path: KeyPath, default: int = 1) -> int:
    """The line of ``path``, else of its nearest ancestor that has one."""
    for depth in range(len(path), 0, -1):
        if path[:depth] in lines:
            return lines[path[:depth]]
    return default


def _header(stripped: str, arrays: dict[tuple[str, ...], int], lines: dict[KeyPath, int], number: int) -> KeyPath:
    is_array = stripped.startswith("[[")
    inner = stripped[2:] if is_array else stripped[1:]
    keys, _ = _parse_keys(inner)
    if not keys:
        return ()
    raw = tuple(keys)
    if is_array:
        arrays[raw] = arrays.get(raw, 0) + 1
    path: list[str | int] = []
    for depth in range(1, len(raw) + 1):
        path.append(raw[depth - 1])
        if raw[:depth] in arrays:
            lines.setdefault(tuple(path), number)
            path.append(arrays[raw[:depth]] - 1)
    lines.setdefault(tuple(path), number)
    return tuple(path)


def _split_key(stripped: str) -> tuple[list[str] | None, str]:
    keys, rest = _parse_keys(stripped)
    rest = rest.lstrip()
    if not keys or not rest.startswith("="):
        return None, ""
    return keys, rest[1:]


def _parse_keys(text: str) -> tuple[list[str], str]:
    """Read a dotted key from the start of ``text``; return the parts and the rest."""
    keys: list[str] = []
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos >= len(text):
            return keys, ""
        quote = text[pos]
        if quote in "\"'":
            end = text.find(quote, pos + 1)
            if end < 0:
                return keys, ""
            keys.append(text[pos + 1 : end])
            pos = end + 1
        else:
            match = _BARE.match(text, pos)
            if not match:
                return keys, text[pos:]
            keys.append(match.group())
            pos = match.end()
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos < len(text) and text[pos] == ".":
            pos += 1
            continue
        return keys, text[pos:]


class _Carry:
    """Follows a value across lines: open brackets and multi-line strings."""

    def __init__(self) -> None:
        self.depth = 0
        self.string: str | None = None

    def busy(self) -> bool:
        return self.depth > 0 or self.string is not None

    def feed(self, text: str) -> None:
        pos = 0
        while pos < len(text):
            if self.string is not None:
                pos = self._in_string(text, pos)
                continue
            char = text[pos]
            if char == "#":
                return
            if text.startswith(('"""', "'''"), pos):
                self.string = text[pos : pos + 3]
                pos += 3
            elif char in "\"'":
                self.string = char
                pos += 1
            else:
                self.depth += (char in "[{") - (char in "]}")
                pos += 1
        if self.string is not None and len(self.string) == 1:
            self.string = None  # a one-line string cannot span lines

    def _in_string(self, text: str, pos: int) -> int:
        delim = self.string or ""
        while pos < len(text):
            if text[pos] == "\\" and delim[0] == '"':
                pos += 2
                continue
            if text.startswith(delim, pos):
                self.string = None
                return pos + len(delim)
            pos += 1
        return pos
