"""Provides RunRequest: what the caller asks a worker to run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class RunRequest:
    """One run of user code in a framework worker."""

    code: str
    filename: str = "<script>"
    """Shown in tracebacks; findings map to lines of this file."""
    targets: list[str] | None = None
    """Expressions evaluated in the namespace after the run (or where it stopped).
    A list or module value means each of its variables. None: discover them."""
    timeout: float = 10.0
    """Seconds of wall time before the run is killed."""
    session: str | None = None
    """Key of a namespace kept between runs (the REPL); None: a fresh namespace."""
    checks: list[dict[str, Any]] = field(default_factory=list)
    """Framework-side checks, e.g. ``{"target": "w", "fd": "loss_fn()"}``."""
    record: bool = True
    """Record provenance (detach, numpy, no_grad ...) for the diagnosis."""
    graph_limit: int = 200_000
    """The graph walk stops after this many nodes and marks the graph truncated."""
    memory_mb: int = 4096
    """Resident memory above the worker's baseline at which the run is killed."""
