"""Provides the backend registry: framework name → Backend class, imported only when asked."""

from __future__ import annotations

import importlib

from gradrepl.backends.base import Backend
from gradrepl.errors import GradreplError

BACKENDS: dict[str, str] = {
    "torch": "gradrepl.backends.torch:TorchBackend",
    "tensorflow": "gradrepl.backends.tf:TFBackend",
    "fake": "gradrepl.backends.fake:FakeBackend",
}
"""Where each backend class lives, as ``module:Class``."""

ALIASES = {"tf": "tensorflow", "pytorch": "torch"}


def canonical(name: str) -> str:
    """``tf`` → ``tensorflow``; an unknown name is a GradreplError naming the known ones."""
    name = ALIASES.get(name, name)
    if name not in BACKENDS:
        raise GradreplError(f"unknown framework {name!r}; expected one of: {', '.join(BACKENDS)}")
    return name


def backend_class(name: str) -> type[Backend]:
    """The Backend class of a framework (imports its module, not the framework)."""
    module_name, _, class_name = BACKENDS[canonical(name)].partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    if not (isinstance(cls, type) and issubclass(cls, Backend)):
        raise GradreplError(f"{module_name}.{class_name} is not a gradrepl Backend")
    return cls


def create(name: str) -> Backend:
    """A new, not yet loaded backend for ``name``."""
    return backend_class(name)()
