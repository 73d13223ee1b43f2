"""Provides the framework-neutral RunReport: what one run of user code produced.

The worker builds a RunReport in the child process from live tensors; only this
plain, JSON-serialisable summary ever crosses the process boundary. Every face
(app, lesson mode, REPL, checker) and the diagnosis engine read it.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import types
import typing
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any, Literal, TypeVar, get_type_hints

Framework = Literal["torch", "tensorflow", "fake"]
Outcome = Literal["completed", "raised", "timeout", "crashed", "cancelled"]
Symptom = Literal["grad_none", "grad_zero", "grad_nan", "error", "ok"]
GradKind = Literal["none", "zero", "finite", "nonfinite"]
NodeKind = Literal["root", "op", "leaf", "cut"]

SCHEMA_VERSION = 1


@dataclass
class ErrorInfo:
    """An exception raised by user code (or a run that did not finish)."""

    type: str
    """Exception class name, e.g. ``RuntimeError``; ``Timeout``/``Crash`` for infra."""
    message: str
    line: int | None = None
    """The innermost line of the user's own script in the traceback."""
    traceback: str = ""
    """The traceback trimmed to the user's frames."""


@dataclass
class GradState:
    """A summary of one gradient: never the tensor itself."""

    kind: GradKind
    shape: list[int] | None = None
    norm: float | None = None
    min: float | None = None
    max: float | None = None
    nan_count: int = 0
    inf_count: int = 0
    sample: list[float] = field(default_factory=list)
    """The first few values, flattened, for display and value checks."""


@dataclass
class VariableInfo:
    """One tensor or variable the user may want a gradient for."""

    name: str
    """The name as the user would write it: ``w``, ``model.fc.weight``."""
    uid: int
    """Identity within this run; graph leaves and events refer to it."""
    dtype: str
    shape: list[int]
    requires_grad: bool
    """torch ``requires_grad``; TF ``trainable`` (or watched, for a tensor)."""
    is_leaf: bool
    grad: GradState
    kind: str = "tensor"
    """Framework type in plain words: ``tensor``, ``parameter``, ``variable``."""
    line: int | None = None
    """Where the user created or last bound it, when known."""
    node: int | None = None
    """Graph node id of this variable (its leaf), when it is in the graph."""
    reachable: bool | None = None
    """Whether a path leads from the loss to it; None when no loss is known."""
    evidence: dict[str, Any] = field(default_factory=dict)
    """Backend-specific facts for the diagnosis rules (documented per backend)."""


@dataclass
class GraphNode:
    """One node of the gradient graph."""

    id: int
    op: str
    """``MulBackward0``, ``MatMul``; a leaf's op is ``AccumulateGrad``/``Variable``."""
    kind: NodeKind = "op"
    line: int | None = None
    label: str | None = None
    """User-facing name: the variable name for a leaf, the loss name for the root."""
    var: int | None = None
    """uid of the VariableInfo for a leaf."""
    note: str | None = None
    """Why a path is cut here, for ``cut`` nodes (an input that needs no grad)."""


@dataclass
class Graph:
    """A DAG from the loss down to the leaves; children are node ids."""

    root: int | None
    nodes: list[GraphNode] = field(default_factory=list)
    children: list[list[int]] = field(default_factory=list)
    """``children[i]`` are the ids of node ``i``'s inputs, in order."""
    truncated: bool = False
    """True when the walk stopped at its node limit."""


@dataclass
class Event:
    """Something the recorder saw while user code ran, in order."""

    kind: str
    """e.g. ``detach``, ``numpy``, ``item``, ``tensor_ctor``, ``grad_mode_off``,
    ``backward``, ``zero_grad``, ``optimizer_step``, ``grad_read``, ``inplace``,
    ``stop_gradient``, ``tape_gradient`` (per-backend list in docs/backends.md)."""
    line: int | None = None
    op: str = ""
    """The framework operation as the user wrote it, e.g. ``Tensor.detach``."""
    uids: list[int] = field(default_factory=list)
    """Variables involved, by VariableInfo.uid, when known."""
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Finding:
    """The diagnosis of one target: what is wrong, why, where and how to fix it."""

    target: str
    symptom: Symptom
    cause: str
    """An id from the cause catalogue, or ``none``."""
    line: int | None = None
    confidence: float = 0.0
    explanation: str = ""
    fix: str = ""
    op: str = ""
    """The operation at which the path breaks, when known."""


@dataclass
class RunReport:
    """Everything one run of user code produced, as plain data."""

    framework: str
    outcome: Outcome
    script: str = "<script>"
    duration_ms: float = 0.0
    stdout: str = ""
    stderr: str = ""
    output_truncated: bool = False
    error: ErrorInfo | None = None
    variables: list[VariableInfo] = field(default_factory=list)
    graph: Graph | None = None
    events: list[Event] = field(default_factory=list)
    losses: list[str] = field(default_factory=list)
    """Names (or expressions) of the tensors gradients were taken of."""
    target_errors: dict[str, str] = field(default_factory=dict)
    """A requested target expression that did not evaluate → the reason."""
    targets: list[str] | None = None
    """The target expressions the request named (None: discovered). The Runner sets
    it, so a run that left nothing to inspect (timeout, crash) still has one
    finding per requested target."""
    checks: list[CheckResult] = field(default_factory=list)
    """Results of scenario checks that need the framework (finite differences)."""
    findings: list[Finding] = field(default_factory=list)
    """Filled by the diagnosis engine in the parent process."""
    framework_version: str = ""
    warnings: list[str] = field(default_factory=list)
    """Things the user should know that are not errors of their code: the worker
    was restarted, a session's names were lost, a backend step failed."""
    schema: int = SCHEMA_VERSION

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), separators=(",", ":"), allow_nan=False)

    @classmethod
    def from_json(cls, text: str) -> RunReport:
        return from_dict(cls, json.loads(text))

    def variable(self, name: str) -> VariableInfo | None:
        return next((v for v in self.variables if v.name == name), None)

    def symptom(self, var: VariableInfo) -> Symptom:
        """What the user sees for this variable's gradient after this run."""
        kind = var.grad.kind
        if kind == "finite":
            return "ok"
        if kind == "nonfinite":
            return "grad_nan"
        if kind == "zero":
            return "grad_zero"
        if self.outcome != "completed" and self.error is not None:
            return "error"
        return "grad_none"


@dataclass
class CheckResult:
    """One scenario check evaluated in the worker, e.g. a finite-difference match."""

    target: str
    check: str
    passed: bool
    message: str = ""


T = TypeVar("T")


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a dataclass tree from ``dataclasses.asdict`` output."""
    return typing.cast(T, _converter(cls)(data))


def _identity(data: Any) -> Any:
    return data


@functools.cache
def _converter(tp: Any) -> Callable[[Any], Any]:
    """A function rebuilding values of type ``tp``, built once per type: a report with a
    few hundred graph nodes converts in a fraction of a millisecond instead of ~2 ms."""
    origin = typing.get_origin(tp)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _dataclass_converter(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(args[0]) if len(args) == 1 else _identity
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        convert = _converter(item)
        if convert is _identity:
            return lambda data: None if data is None else list(data)
        return lambda data: None if data is None else [convert(x) for x in data]
    if origin is dict:
        _, value = typing.get_args(tp) or (Any, Any)
        convert = _converter(value)
        return lambda data: None if data is None else {k: convert(v) for k, v in data.items()}
    return _identity


def _dataclass_converter(cls: type) -> Callable[[Any], Any]:
    fields: list[tuple[str, Callable[[Any], Any]]] = []

    def convert(data: Any) -> Any:
        if data is None:
            return None
        if not fields:  # resolved on first use, so classes defined later in the module are known
            hints = get_type_hints(cls)
            fields.extend((f.name, _converter(hints[f.name])) for f in dataclasses.fields(cls))
        return cls(**{name: conv(data[name]) for name, conv in fields if name in data})

    return convert
