"""Provides the missing gradient that made a run raise before a variable was asked about.

A gradient penalty does ``slope = inner.gradient(scores, x)``, gets None (x was
never watched), and fails on ``slope ** 2`` before any gradient of the weights
is taken. The weights' own path is fine; their symptom comes from the None
returned upstream. This module finds that None result and collects the
evidence of its source, so the rules can diagnose the source instead.
"""

from __future__ import annotations

from typing import Any

from gradrepl.backends.tf.context import RunContext
from gradrepl.backends.tf.evidence import evidence_for


def upstream_facts(ctx: RunContext, key: int | None) -> dict[str, Any] | None:
    """The latest gradient call that returned None for some other source, with that source's evidence."""
    for call in reversed(ctx.rec.calls):
        if call.error is not None:
            continue
        for source, result in zip(call.sources, call.results):
            if result is not None or source.key is None or source.key == key:
                continue
            ev = evidence_for(ctx, source)
            name = ctx.name_of(source.key, source)
            line = ev.get("created_line") or ctx.src.last_binding(name.split(".", 1)[0].split("[", 1)[0])
            dtype = getattr(getattr(source.obj, "dtype", None), "name", "")
            return {
                "name": name,
                "kind": "tensor" if source.kind == "tensor" else "variable",
                "dtype": str(dtype),
                "line": line,
                "call_line": call.line,
                "evidence": ev,
            }
    return None
