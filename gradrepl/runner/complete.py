"""Provides completions from a live namespace: the names a REPL user may type next."""

from __future__ import annotations

import builtins
import keyword
from typing import Any

LIMIT = 500


def complete(namespace: dict[str, Any], prefix: str) -> list[str]:
    """Names (``x``) or dotted attributes (``x.gr`` → ``x.grad``) starting with ``prefix``.

    Only plain dotted names are resolved, with ``getattr``: no call and no
    indexing is ever evaluated, so completing cannot run arbitrary code beyond
    property getters (as rlcompleter).
    """
    if "." not in prefix:
        return _names(namespace, prefix)
    base, _, partial = prefix.rpartition(".")
    obj = _resolve(namespace, base)
    if obj is _MISSING:
        return []
    try:
        attrs = dir(obj)
    except Exception:
        return []
    return [f"{base}.{a}" for a in sorted(_matching(attrs, partial))][:LIMIT]


_MISSING = object()


def _names(namespace: dict[str, Any], prefix: str) -> list[str]:
    pool = set(namespace) | set(vars(builtins)) | set(keyword.kwlist)
    return sorted(_matching(pool, prefix))[:LIMIT]


def _matching(names: Any, partial: str) -> set[str]:
    # private names only once the user typed the underscore
    return {n for n in names if n.startswith(partial) and (partial.startswith("_") or not n.startswith("_"))}


def _resolve(namespace: dict[str, Any], dotted: str) -> Any:
    parts = dotted.split(".")
    if not all(p.isidentifier() for p in parts):
        return _MISSING
    head, *rest = parts
    if head in namespace:
        obj = namespace[head]
    elif hasattr(builtins, head):
        obj = getattr(builtins, head)
    else:
        return _MISSING
    for part in rest:
        try:
            obj = getattr(obj, part)
        except Exception:
            return _MISSING
    return obj
