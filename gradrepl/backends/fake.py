"""Provides FakeBackend: the Backend over fakegrad, for tests that must not pay for a framework.

User code imports it as ``import fakegrad``. ``inspect`` fills the same report
fields as the real backends: variables (requires_grad, gradient kind), a small
graph from the last loss, the losses and the recorded events
(``tensor_ctor``, ``detach``, ``item``, ``grad_mode_off``, ``backward``).
``VariableInfo.evidence`` holds ``detached`` (the value came from ``detach()``).
"""

from __future__ import annotations

import math
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from gradrepl.backends import fakegrad
from gradrepl.backends.base import Backend, Recording
from gradrepl.backends.fakegrad import Value
from gradrepl.core.report import Event, GradState, Graph, GraphNode, RunReport, VariableInfo
from gradrepl.core.request import RunRequest


class FakeRecording(Recording):
    """Events and losses fakegrad reported during one run."""

    def __init__(self, filename: str, enabled: bool) -> None:
        self.filename = filename
        self.enabled = enabled
        self.events: list[Event] = []
        self.losses: list[Value] = []

    def line(self) -> int | None:
        """The innermost line of the user's script on the current stack."""
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != self.filename:
            frame = frame.f_back  # type: ignore[assignment]
        return frame.f_lineno if frame is not None else None

    def emit(self, kind: str, op: str, values: list[Value]) -> None:
        if self.enabled:
            self.events.append(Event(kind=kind, line=self.line(), op=op, uids=[v.uid for v in values]))

    def loss(self, value: Value) -> None:
        self.losses.append(value)


class FakeBackend(Backend):
    """A backend whose framework is fakegrad."""

    name = "fake"

    def load(self) -> str:
        sys.modules["fakegrad"] = fakegrad
        return fakegrad.__version__

    @contextmanager
    def recording(self, filename: str, enabled: bool = True) -> Iterator[FakeRecording]:
        rec = FakeRecording(filename, enabled)
        fakegrad.STATE.recorder = rec
        try:
            yield rec
        finally:
            fakegrad.STATE.recorder = None

    def inspect(self, namespace: dict[str, Any], recording: Recording, request: RunRequest, report: RunReport) -> None:
        rec = recording if isinstance(recording, FakeRecording) else FakeRecording(request.filename, False)
        names = _names_by_uid(namespace)
        report.events = list(rec.events)
        report.losses = [names.get(v.uid, "<expression>") for v in rec.losses]
        targets = _targets(namespace, request, report)
        report.graph, nodes = _graph(rec.losses[-1], names) if rec.losses else (None, {})
        report.variables = [_variable(name, v, nodes, bool(rec.losses)) for name, v in targets]

    def reset(self) -> bool:
        fakegrad.STATE.grad_enabled = True
        fakegrad.STATE.recorder = None
        return not fakegrad.STATE.tainted


def _names_by_uid(namespace: dict[str, Any]) -> dict[int, str]:
    return {v.uid: k for k, v in namespace.items() if isinstance(v, Value) and not k.startswith("_")}


def _targets(namespace: dict[str, Any], request: RunRequest, report: RunReport) -> list[tuple[str, Value]]:
    if request.targets is None:
        return [(k, v) for k, v in namespace.items() if isinstance(v, Value) and v.is_leaf and not k.startswith("_")]
    out: list[tuple[str, Value]] = []
    for target in request.targets:
        try:
            value = eval(target, namespace)  # noqa: S307 - the user's own expression, in their run
        except Exception as exc:
            report.target_errors[target] = f"{type(exc).__name__}: {exc}"
            continue
        if isinstance(value, Value):
            out.append((target, value))
        elif isinstance(value, (list, tuple)) and all(isinstance(v, Value) for v in value):
            out.extend((f"{target}[{i}]", v) for i, v in enumerate(value))
        elif isinstance(value, types.ModuleType):
            out.extend((f"{target}.{k}", v) for k, v in vars(value).items() if isinstance(v, Value))
        else:
            report.target_errors[target] = f"{target} is a {type(value).__name__}, not a fakegrad Value"
    return out


def _graph(loss: Value, names: dict[int, str]) -> tuple[Graph, dict[int, int]]:
    """The graph below ``loss``; also the node id of every value in it, by uid."""
    graph = Graph(root=0)
    ids: dict[int, int] = {}
    order: list[Value] = []
    queue = [loss]
    while queue:
        value = queue.pop()
        if value.uid in ids:
            continue
        ids[value.uid] = len(order)
        graph.nodes.append(_node(len(order), value, value is loss, names))
        order.append(value)
        queue.extend(p for p in value.parents() if p.requires_grad or p.detached_from is not None)
    graph.children = [[ids[p.uid] for p in v.parents() if p.uid in ids] for v in order]
    return graph, ids


def _node(node_id: int, value: Value, is_root: bool, names: dict[int, str]) -> GraphNode:
    label = names.get(value.uid)
    if is_root:
        return GraphNode(node_id, value.grad_fn or "AccumulateGrad", "root", value.line, label, None)
    if value.detached_from is not None:
        return GraphNode(node_id, "Detach", "cut", value.line, label, value.uid, note="detached with detach(): no gradient flows past here")
    if value.is_leaf:
        return GraphNode(node_id, "AccumulateGrad", "leaf", value.line, label, value.uid)
    return GraphNode(node_id, value.grad_fn or "", "op", value.line, label, None)


def _variable(name: str, value: Value, nodes: dict[int, int], have_loss: bool) -> VariableInfo:
    node = nodes.get(value.uid)
    return VariableInfo(
        name=name, uid=value.uid, dtype="float64", shape=[], requires_grad=value.requires_grad,
        is_leaf=value.is_leaf, grad=grad_state(value.grad), kind="value", line=value.line, node=node,
        reachable=(node is not None) if have_loss else None,
        evidence={"detached": value.detached_from is not None},
    )


def grad_state(grad: float | None) -> GradState:
    if grad is None:
        return GradState(kind="none")
    nan, inf = math.isnan(grad), math.isinf(grad)
    kind = "nonfinite" if nan or inf else ("zero" if grad == 0 else "finite")
    return GradState(kind=kind, shape=[], norm=abs(grad), min=grad, max=grad,
                     nan_count=int(nan), inf_count=int(inf), sample=[grad])
