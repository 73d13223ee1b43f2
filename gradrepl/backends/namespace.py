"""Provides the namespace a backend inspects: the script's, plus ``main()``-style locals."""

from __future__ import annotations

from typing import Any


def with_function_locals(ns: dict[str, Any], local: dict[str, Any]) -> dict[str, Any]:
    """``ns`` plus the locals of the script's functions that were still running when the
    gradients were taken (code written as ``def main(): ...``); module-level names win."""
    if not local:
        return ns
    merged = dict(ns)
    for name, value in local.items():
        merged.setdefault(name, value)
    return merged
