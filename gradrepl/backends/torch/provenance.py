"""Provides the provenance store: which target variables each value derives from.

A *taint* is a frozenset of ints: positive ints are origins (leaf tensors that
required grad, by uid), negative ints are tokens of recorded events (a detach,
a no_grad op, a numpy() call ...) the value passed through. The store keys
tensors and NumPy arrays by ``id`` and checks a weak reference on lookup, so it
never keeps user tensors alive and never confuses a dead object with a new one
at the same address. Python values (floats from ``item()``, lists from
``tolist()``) cannot be weakly referenced; a bounded number of them is kept.
"""

from __future__ import annotations

import weakref
from typing import Any

EMPTY: frozenset[int] = frozenset()
PYVALUE_CAP = 4096
SWEEP_EVERY = 20_000


class Entry:
    """What the recorder knows about one live tensor or array."""

    __slots__ = ("ref", "taint", "line", "uid", "last_use", "first_use", "depth")

    def __init__(self, ref: Any, taint: frozenset[int], line: int | None, uid: int = 0) -> None:
        self.ref = ref
        self.taint = taint
        self.line = line
        self.uid = uid
        self.last_use: int | None = None
        self.first_use: tuple[int, int | None] | None = None
        """(seq, line) of the first op that read this tensor."""
        self.depth = 0
        """Longest chain of recorded ops behind this tensor."""


def union(a: frozenset[int], b: frozenset[int]) -> frozenset[int]:
    """a | b without building a new set when one side already holds the other."""
    if a is b or not b:
        return a
    if not a:
        return b
    if len(a) >= len(b):
        return a if b <= a else a | b
    return b if a <= b else a | b


class Provenance:
    """Entries by object identity, plus origin uids and their parents."""

    def __init__(self) -> None:
        self.entries: dict[int, Entry] = {}
        self.pyvalues: dict[int, tuple[Any, frozenset[int]]] = {}
        self.origins: dict[int, Any] = {}
        """uid -> weak reference to the origin tensor."""
        self.parents: dict[int, frozenset[int]] = {}
        """uid -> taint of the value the origin was made from (a re-made leaf)."""
        self.origin_lines: dict[int, int | None] = {}
        self._next_uid = 1
        self._since_sweep = 0

    def get(self, obj: Any) -> Entry | None:
        entry = self.entries.get(id(obj))
        if entry is not None and entry.ref() is obj:
            return entry
        return None

    def taint(self, obj: Any) -> frozenset[int]:
        entry = self.entries.get(id(obj))
        if entry is not None and entry.ref() is obj:
            return entry.taint
        return EMPTY

    def put(self, obj: Any, taint: frozenset[int], line: int | None, depth: int = 0) -> Entry:
        """Record (or overwrite) what is known about a tensor or array."""
        key = id(obj)
        entry = self.entries.get(key)
        if entry is not None and entry.ref() is obj:
            entry.taint = taint
            entry.depth = max(entry.depth, depth)
            return entry
        try:
            ref = weakref.ref(obj)
        except TypeError:
            return Entry(lambda: None, taint, line)
        entry = Entry(ref, taint, line)
        entry.depth = depth
        self.entries[key] = entry
        self._since_sweep += 1
        if self._since_sweep >= SWEEP_EVERY:
            self.sweep()
        return entry

    def make_origin(self, tensor: Any, line: int | None) -> Entry:
        """Give a leaf that requires grad its own uid (once)."""
        entry = self.get(tensor)
        if entry is None:
            entry = self.put(tensor, EMPTY, line)
        if entry.uid:
            return entry
        uid = self._next_uid
        self._next_uid += 1
        entry.uid = uid
        if entry.taint:
            # a leaf re-made from a tracked value: keep the link, not the whole set,
            # so that taints stay small in loops that re-make leaves every step
            self.parents[uid] = entry.taint
        entry.taint = frozenset((uid,))
        self.origins[uid] = entry.ref
        self.origin_lines[uid] = line if entry.line is None else entry.line
        return entry

    def new_uid(self) -> int:
        uid = self._next_uid
        self._next_uid += 1
        return uid

    def put_pyvalue(self, value: Any, taint: frozenset[int]) -> None:
        if taint and len(self.pyvalues) < PYVALUE_CAP:
            self.pyvalues[id(value)] = (value, taint)

    def pyvalue_taint(self, value: Any) -> frozenset[int]:
        item = self.pyvalues.get(id(value))
        if item is not None and item[0] is value:
            return item[1]
        return EMPTY

    def closure(self, taint: frozenset[int] | set[int]) -> set[int]:
        """The taint plus the taints of the values re-made leaves came from."""
        out = set(taint)
        todo = [u for u in taint if u in self.parents]
        while todo:
            uid = todo.pop()
            for item in self.parents.get(uid, EMPTY):
                if item not in out:
                    out.add(item)
                    if item in self.parents:
                        todo.append(item)
        return out

    def sweep(self) -> None:
        """Drop entries of objects that no longer exist."""
        self._since_sweep = 0
        dead = [key for key, entry in self.entries.items() if entry.ref() is None and not entry.uid]
        for key in dead:
            del self.entries[key]

    def clear(self) -> None:
        self.entries.clear()
        self.pyvalues.clear()
