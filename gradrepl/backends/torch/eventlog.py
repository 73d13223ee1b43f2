"""Provides the event log: what the recorder saw, folded per call site.

A training loop repeats the same calls thousands of times. Events are keyed by
(kind, line, operation): a repeat bumps ``count`` and ``last_seq`` and widens
the input taint instead of adding a row, so the log and every taint stay small.
Each event owns a token (a negative int) that the recorder puts into the taint
of the values the event produced; the analysis later asks which events the loss
passed through.
"""

from __future__ import annotations

from typing import Any

from gradrepl.backends.torch.provenance import EMPTY, union
from gradrepl.core.report import Event

MAX_EVENTS = 5000


class Rec:
    """One call site of one kind of event."""

    __slots__ = ("index", "kind", "line", "op", "detail", "in_taint", "count", "first_seq", "last_seq", "refs")

    def __init__(self, index: int, kind: str, line: int | None, op: str, seq: int) -> None:
        self.index = index
        self.kind = kind
        self.line = line
        self.op = op
        self.detail: dict[str, Any] = {}
        self.in_taint: frozenset[int] = EMPTY
        self.count = 0
        self.first_seq = seq
        self.last_seq = seq
        self.refs: list[Any] = []
        """Strong references the backend needs later (a loss's grad_fn)."""

    @property
    def token(self) -> int:
        return -(self.index + 1)


class EventLog:
    """Events in order of first occurrence, folded per call site."""

    def __init__(self) -> None:
        self.recs: list[Rec] = []
        self._by_key: dict[tuple[str, int | None, str], Rec] = {}
        self.dropped = 0

    def add(self, kind: str, line: int | None, op: str, seq: int, in_taint: frozenset[int] = EMPTY) -> Rec | None:
        key = (kind, line, op)
        rec = self._by_key.get(key)
        if rec is None:
            if len(self.recs) >= MAX_EVENTS:
                self.dropped += 1
                return None
            rec = Rec(len(self.recs), kind, line, op, seq)
            self.recs.append(rec)
            self._by_key[key] = rec
        rec.count += 1
        rec.last_seq = seq
        if in_taint:
            rec.in_taint = union(rec.in_taint, in_taint)
        return rec

    def by_token(self, token: int) -> Rec | None:
        index = -token - 1
        return self.recs[index] if 0 <= index < len(self.recs) else None

    def of_kind(self, *kinds: str) -> list[Rec]:
        return [r for r in self.recs if r.kind in kinds]

    def to_events(self, uid_map: dict[int, int] | None = None) -> list[Event]:
        """Plain report events; ``uids`` are the origins the event's inputs derive from."""
        out = []
        for rec in self.recs:
            origins = sorted(u for u in rec.in_taint if u > 0)
            if uid_map is not None:
                origins = [uid_map.get(u, u) for u in origins]
            detail = dict(rec.detail)
            detail.update(count=rec.count, first_seq=rec.first_seq, last_seq=rec.last_seq)
            via = sorted(-t - 1 for t in rec.in_taint if t < 0)
            if via:
                detail["via"] = via[:32]
            out.append(Event(kind=rec.kind, line=rec.line, op=rec.op, uids=origins[:32], detail=detail))
        return out

    def clear_refs(self) -> None:
        for rec in self.recs:
            rec.refs.clear()
