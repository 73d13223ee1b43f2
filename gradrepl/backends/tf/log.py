"""Provides the plain records the TF recorder keeps while user code runs.

Tensors are named by their EagerTensor ``_id`` (stable and increasing within a
process); variables by the ``_id`` of their resource handle. Only gradient
calls keep references to live objects, so that ``inspect`` can name and
summarise them afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class OpRec:
    """One eager op as the op callback saw it."""

    index: int
    seq: int
    type: str
    inputs: tuple[int, ...]
    outputs: tuple[int, ...]
    out_enums: tuple[int, ...]
    handles: tuple[int, ...]
    """Inputs that are resource handles (variables read or written)."""
    line: int | None
    tapes: tuple[int, ...]
    """Tapes that were recording when the op ran."""
    watched: bool | None
    """Whether any active tape watched any input (TF's own test), None if unknown."""
    phase: str = ""
    """``gradient`` (inside tape.gradient), ``optimizer`` (inside apply) or empty."""
    facts: dict[str, Any] | None = None
    """Input value facts for singular and select ops (zeros, negatives, non-finite);
    ``left_tf`` for a ``tf.py_function`` whose body took its value out of TensorFlow."""
    outer: tuple[int, ...] = ()
    """Lines of the user's enclosing frames (innermost first) when ``line`` is inside
    a function of the script: the call sites that led to it."""


@dataclass
class TapeRec:
    """One GradientTape the user (or Keras) entered."""

    id: int
    line: int | None
    persistent: bool
    watch_accessed: bool
    watches: list[WatchRec] = field(default_factory=list)
    gradient_calls: int = 0
    entered_seq: int | None = None
    exited_seq: int | None = None
    exit_line: int | None = None
    depth: int = 0
    """User frames on the stack when the tape was entered (1 = the script's top level)."""


@dataclass
class WatchRec:
    """One ``tape.watch(...)`` call."""

    seq: int
    line: int | None
    tensors: tuple[int, ...] = ()
    handles: tuple[int, ...] = ()
    error: str | None = None


@dataclass
class SourceRef:
    """One flattened source of a gradient call (or a variable given to apply)."""

    kind: str
    """``variable`` (tf.Variable), ``keras_variable``, ``tensor`` or ``other``."""
    key: int | None
    """Handle id for variables, tensor id for tensors."""
    obj: Any
    expr: str | None = None
    """The source expression as written at the call, when it could be read."""


@dataclass
class GradCall:
    """One ``tape.gradient(...)`` call."""

    index: int
    seq: int
    line: int | None
    tape: int
    persistent: bool
    targets: list[Any]
    target_ids: tuple[int | None, ...]
    target_expr: str | None
    sources: list[SourceRef]
    results: list[Any] = field(default_factory=list)
    error: str | None = None
    error_type: str | None = None
    unconnected: str = "none"
    internal: bool = False
    """Called from Keras code (fit/train_step) rather than the user's line."""


@dataclass
class ApplyCall:
    """One optimizer ``apply``/``apply_gradients`` call."""

    seq: int
    line: int | None
    grads: list[Any]
    variables: list[SourceRef]
    error: str | None = None


@dataclass
class ValueEvent:
    """A tensor's value leaving TensorFlow in the user's code."""

    kind: str
    """``numpy`` (NumPy array) or ``python`` (a Python number)."""
    op: str
    seq: int
    line: int | None
    tensor: int
    watermark: int
    """The largest tensor id seen so far: tensors made afterwards have larger ids."""
    tapes: tuple[int, ...]


@dataclass
class Marker:
    """Any other moment worth an Event (keras var list read empty, fit, ...)."""

    kind: str
    seq: int
    line: int | None
    op: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
