"""Provides RunFacts: the torch report's events indexed for the rules."""

from __future__ import annotations

from typing import Any

from gradrepl.core.report import Event, RunReport, VariableInfo

LOSS_KINDS = ("backward", "autograd_grad")


class RunFacts:
    """Lookups over one report's events that every rule needs."""

    def __init__(self, report: RunReport) -> None:
        self.report = report
        self.events = report.events
        self.error = report.error

    def event(self, index: int) -> Event | None:
        return self.events[index] if 0 <= index < len(self.events) else None

    def of_kind(self, *kinds: str) -> list[Event]:
        return [e for e in self.events if e.kind in kinds]

    def indexed(self, indices: list[int]) -> list[Event]:
        return [e for e in (self.event(i) for i in indices) if e is not None]

    def losses(self) -> list[Event]:
        return sorted(self.of_kind(*LOSS_KINDS), key=lambda e: seq(e))

    def first_loss(self) -> Event | None:
        events = self.losses()
        return min(events, key=lambda e: e.detail.get("first_seq", 0)) if events else None

    def error_text(self) -> str:
        return self.error.message if self.error is not None else ""

    def var_by_uid(self, uid: int) -> VariableInfo | None:
        return next((v for v in self.report.variables if v.uid == uid), None)


def seq(event: Event, key: str = "first_seq") -> int:
    value = event.detail.get(key, 0)
    return int(value) if isinstance(value, int) else 0


def ev(var: VariableInfo, key: str, default: Any = None) -> Any:
    return var.evidence.get(key, default)
