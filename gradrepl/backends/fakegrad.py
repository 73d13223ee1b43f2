"""Provides fakegrad: a tiny scalar autograd that the fake backend offers to user code.

Real code with real gradients, in pure Python, in microseconds: the runner,
app and REPL tests run scripts like ``x = fakegrad.tensor(2.0,
requires_grad=True); (x * x).backward(); print(x.grad)`` without torch or TF.
It mimics torch's shape of things: leaves accumulate ``.grad``, ``detach()``
cuts the graph, ``no_grad()`` stops recording, and ``backward`` on something
that needs no gradient raises.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

__version__ = "1.0"


class Hook(Protocol):
    """What the fake backend's recorder offers fakegrad while a run is recorded."""

    def emit(self, kind: str, op: str, values: list[Value]) -> None: ...
    def line(self) -> int | None: ...
    def loss(self, value: Value) -> None: ...


class _State:
    grad_enabled = True
    recorder: Hook | None = None
    tainted = False
    next_uid = 1


STATE = _State()


def _uid() -> int:
    STATE.next_uid += 1
    return STATE.next_uid


class Value:
    """A scalar that remembers how it was computed."""

    def __init__(self, data: float, requires_grad: bool = False) -> None:
        self.data = float(data)
        self.grad: float | None = None
        self.requires_grad = requires_grad
        self.uid = _uid()
        self.line: int | None = None
        self.detached_from: int | None = None
        self._parents: tuple[Value, ...] = ()
        self._local: tuple[float, ...] = ()
        self._op = ""

    @property
    def is_leaf(self) -> bool:
        return not self._parents

    @property
    def grad_fn(self) -> str | None:
        return self._op or None

    def __repr__(self) -> str:
        grad = "" if self.grad is None else f", grad={self.grad:g}"
        return f"Value({self.data:g}{grad})"

    def __add__(self, other: Any) -> Value:
        o = _wrap(other)
        return _make(self.data + o.data, (self, o), (1.0, 1.0), "AddBackward")

    __radd__ = __add__

    def __mul__(self, other: Any) -> Value:
        o = _wrap(other)
        return _make(self.data * o.data, (self, o), (o.data, self.data), "MulBackward")

    __rmul__ = __mul__

    def __neg__(self) -> Value:
        return self * -1.0

    def __sub__(self, other: Any) -> Value:
        return self + (-_wrap(other))

    def __rsub__(self, other: Any) -> Value:
        return _wrap(other) + (-self)

    def __pow__(self, n: float) -> Value:
        local = n * self.data ** (n - 1) if self.data or n >= 1 else math.inf
        return _make(self.data**n, (self,), (local,), "PowBackward")

    def tanh(self) -> Value:
        t = math.tanh(self.data)
        return _make(t, (self,), (1.0 - t * t,), "TanhBackward")

    def relu(self) -> Value:
        return _make(max(self.data, 0.0), (self,), (1.0 if self.data > 0 else 0.0,), "ReluBackward")

    def log(self) -> Value:
        x = self.data
        out = math.log(x) if x > 0 else (-math.inf if x == 0 else math.nan)
        return _make(out, (self,), (1.0 / x if x else math.inf,), "LogBackward")

    def detach(self) -> Value:
        _emit("detach", "Value.detach", self)
        out = Value(self.data)
        out.detached_from = self.uid
        return out

    def item(self) -> float:
        _emit("item", "Value.item", self)
        return self.data

    def backward(self) -> None:
        if not self.requires_grad:
            raise RuntimeError("element 0 of tensors does not require grad and does not have a grad_fn")
        _emit("backward", "Value.backward", self)
        if STATE.recorder is not None:
            STATE.recorder.loss(self)
        grads = {self.uid: 1.0}
        for node in reversed(topological(self)):
            g = grads.pop(node.uid, 0.0)
            if node.is_leaf:
                node.grad = g if node.grad is None else node.grad + g
            for parent, local in zip(node._parents, node._local):
                if parent.requires_grad:
                    grads[parent.uid] = grads.get(parent.uid, 0.0) + g * local

    def parents(self) -> tuple[Value, ...]:
        return self._parents


def topological(root: Value) -> list[Value]:
    """Nodes that need a gradient, inputs before outputs (iterative, no recursion limit)."""
    order: list[Value] = []
    seen: set[int] = set()
    stack: list[tuple[Value, bool]] = [(root, False)]
    while stack:
        node, expanded = stack.pop()
        if expanded:
            order.append(node)
            continue
        if node.uid in seen:
            continue
        seen.add(node.uid)
        stack.append((node, True))
        stack.extend((p, False) for p in node._parents if p.requires_grad and p.uid not in seen)
    return order


def _wrap(x: Any) -> Value:
    return x if isinstance(x, Value) else Value(float(x))


def _make(data: float, parents: tuple[Value, ...], local: tuple[float, ...], op: str) -> Value:
    out = Value(data)
    if STATE.grad_enabled and any(p.requires_grad for p in parents):
        out.requires_grad = True
        out._parents, out._local, out._op = parents, local, op
    return out


def _emit(kind: str, op: str, *values: Value) -> None:
    if STATE.recorder is not None:
        STATE.recorder.emit(kind, op, list(values))


def tensor(data: float, requires_grad: bool = False) -> Value:
    """A new leaf value (the name matches torch's so scripts read alike)."""
    out = Value(data, requires_grad=requires_grad)
    if STATE.recorder is not None:
        out.line = STATE.recorder.line()
        STATE.recorder.emit("tensor_ctor", "fakegrad.tensor", [out])
    return out


@contextmanager
def no_grad() -> Iterator[None]:
    """Operations inside build no graph."""
    _emit("grad_mode_off", "fakegrad.no_grad")
    before, STATE.grad_enabled = STATE.grad_enabled, False
    try:
        yield
    finally:
        STATE.grad_enabled = before


def set_grad_enabled(flag: bool) -> None:
    if not flag:
        _emit("grad_mode_off", "fakegrad.set_grad_enabled")
    STATE.grad_enabled = bool(flag)


def is_grad_enabled() -> bool:
    return STATE.grad_enabled


def taint() -> None:
    """Change global state the backend cannot undo (tests the worker's recycling)."""
    STATE.tainted = True
