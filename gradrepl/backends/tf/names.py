"""Provides user-facing names for variables and tensors found in a namespace.

A variable is named as the user would write it: ``w``, ``model.dense1.kernel``
(through public attributes, ``_kernel`` → ``kernel``), ``model.layers[0].kernel``
for Sequential models, ``params[1]`` inside a list. Keys are handle ids for
variables and tensor ids for tensors (see ``patches.source_ref``).
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from gradrepl.backends.tf.log import SourceRef
from gradrepl.backends.tf.patches import source_ref

MAX_DEPTH = 4
MAX_ITEMS = 5_000


@dataclass
class Named:
    """One object reachable from the namespace, with its best name."""

    name: str
    ref: SourceRef
    owner: Any = None
    """The Keras layer holding a Keras variable, when known."""
    owner_name: str | None = None


@dataclass
class NameIndex:
    """Everything nameable in a namespace, by key."""

    by_key: dict[int, Named] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)
    models: list[tuple[str, Any]] = field(default_factory=list)
    """Keras layers/models bound at the top level, by name."""

    def add(self, item: Named) -> None:
        key = item.ref.key
        if key is None or key in self.by_key:
            return
        self.by_key[key] = item
        self.order.append(key)

    def name(self, key: int | None) -> str | None:
        item = self.by_key.get(key) if key is not None else None
        return item.name if item else None


def index_namespace(ns: dict[str, Any]) -> NameIndex:
    """Name every variable and tensor reachable from the user's globals.

    Top-level variables and tensors keep their own names; then each container
    is walked breadth-first, the biggest Keras model first, so a layer reached
    both as ``model.layers[1]`` and through a loop variable ``layer`` is named
    the way the model spells it.
    """
    index = NameIndex()
    seen: set[int] = set()
    roots: list[tuple[str, Any]] = []
    for name, value in ns.items():
        if name.startswith("__") or isinstance(value, types.ModuleType):
            continue
        ref = source_ref(value)
        if ref.kind != "other":
            index.add(Named(name, ref))
            continue
        roots.append((name, value))
        if _is_layer(value):
            index.models.append((name, value))
    roots.sort(key=lambda item: -_weight_count(item[1]))
    budget = [MAX_ITEMS]
    for name, value in roots:
        _walk(index, name, value, seen, budget)
    return index


def _weight_count(value: Any) -> int:
    if not _is_layer(value):
        return -1
    try:
        return len(value.weights)
    except Exception:  # an unbuilt or broken layer
        return 0


def _walk(index: NameIndex, name: str, value: Any, seen: set[int], budget: list[int]) -> None:
    queue: list[tuple[str, Any, int, Any, str | None]] = [(name, value, 0, None, None)]
    head = 0
    while head < len(queue) and budget[0] > 0:
        item_name, item, depth, owner, owner_name = queue[head]
        head += 1
        budget[0] -= 1
        if id(item) in seen:
            continue
        ref = source_ref(item)
        if ref.kind != "other":
            index.add(Named(item_name, ref, owner, owner_name))
            continue
        seen.add(id(item))
        if depth < MAX_DEPTH:
            is_layer = _is_layer(item)
            for child_name, child in _children(item_name, item):
                queue.append((child_name, child, depth + 1, item if is_layer else owner, item_name if is_layer else owner_name))


def _is_layer(value: Any) -> bool:
    cls = type(value)
    return any(c.__name__ == "Layer" and c.__module__.startswith("keras") for c in cls.__mro__)


def _children(name: str, value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, list | tuple):
        for i, item in enumerate(value[:256]):
            yield f"{name}[{i}]", item
        return
    if isinstance(value, dict):
        for k, item in list(value.items())[:256]:
            if isinstance(k, str | int):
                yield f"{name}[{k!r}]", item
        return
    if isinstance(value, type | types.FunctionType | types.MethodType | types.BuiltinFunctionType):
        return
    attrs = getattr(value, "__dict__", None)
    if not isinstance(attrs, dict) or type(value).__module__.startswith(("numpy", "builtins")):
        return
    yield from _attribute_children(name, value, attrs)
    if _is_layer(value) and type(value).__name__ in ("Sequential", "Functional"):
        for i, layer in enumerate(getattr(value, "layers", [])):
            yield f"{name}.layers[{i}]", layer


def _attribute_children(name: str, value: Any, attrs: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    for attr, child in list(attrs.items()):
        public = attr.lstrip("_")
        if attr.startswith("_"):
            # a private slot behind a public property (Dense._kernel → kernel)
            if not public or not isinstance(getattr(type(value), public, None), property):
                if attr not in ("_layers",):
                    continue
                continue
            yield f"{name}.{public}", child
            continue
        yield f"{name}.{attr}", child
