"""Provides TorchBackend: load, record, inspect and reset for PyTorch."""

from __future__ import annotations

import ast
import contextlib
from typing import Any, Iterator

from gradrepl.backends.base import Backend, Recording
from gradrepl.core.report import Event, RunReport
from gradrepl.core.request import RunRequest
from gradrepl.errors import FrameworkMissing

UNCALLED = frozenset({"backward", "step", "zero_grad", "retain_grad", "requires_grad_", "detach_"})
WARMUP = """\
import torch
x = torch.randn(4, 3, requires_grad=True)
net = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 1))
opt = torch.optim.SGD(net.parameters(), lr=0.1)
loss = net(x).pow(2).mean() + x.detach().sum() * 0
loss.backward()
opt.step()
opt.zero_grad()
with torch.no_grad():
    y = net(x)
v = torch.tensor(y.numpy()).sum().item()
"""


class TorchBackend(Backend):
    """PyTorch behind the worker: a TorchFunctionMode recorder and an autograd-graph inspector."""

    name = "torch"

    def __init__(self) -> None:
        self.version = ""
        self._snapshot: Any = None

    def load(self) -> str:
        try:
            import torch
        except ImportError:
            raise FrameworkMissing("torch") from None

        from gradrepl.backends.torch import state

        self.version = str(torch.__version__)
        self._warm_up()
        self._snapshot = state.Snapshot()
        state.seed()
        return self.version

    def _warm_up(self) -> None:
        request = RunRequest(code=WARMUP, filename="<gradrepl-warmup>")
        report = RunReport(framework="torch", outcome="completed")
        ns: dict[str, Any] = {"__name__": "__main__"}
        with self.recording(request.filename) as rec:
            exec(compile(request.code, request.filename, "exec"), ns)  # noqa: S102 - our own warm-up code
        self.inspect(ns, rec, request, report)

    @contextlib.contextmanager
    def recording(self, filename: str, enabled: bool = True) -> Iterator[Recording]:
        from gradrepl.backends.torch import patches
        from gradrepl.backends.torch.recorder import TorchRecording

        rec = TorchRecording(filename)
        if not enabled:
            yield rec
            return
        with patches.installed(rec):
            rec.start()
            try:
                yield rec
            finally:
                rec.stop()

    def inspect(self, namespace: dict[str, Any], recording: Recording, request: RunRequest, report: RunReport) -> None:
        from gradrepl.backends.torch.fdcheck import run_checks
        from gradrepl.backends.torch.inspection import Inspector
        from gradrepl.backends.torch.recorder import SESSION_KEY, TorchRecording

        report.framework = "torch"
        report.framework_version = self.version
        rec = recording if isinstance(recording, TorchRecording) else TorchRecording(request.filename)
        try:
            Inspector(namespace, rec, request, report).run()
            tree = _parse(request.code)
            report.events.extend(_uncalled(tree))
            _def_lines(report.events, tree)
            if request.checks:
                report.checks.extend(run_checks(request.checks, namespace))
        finally:
            if request.session is not None:
                namespace[SESSION_KEY] = rec  # the session's next input continues it
            else:
                rec.log.clear_refs()
                rec.prov.clear()

    def reset(self) -> bool:
        if self._snapshot is None:
            return True
        return bool(self._snapshot.restore())


def _parse(code: str) -> ast.AST | None:
    try:
        return ast.parse(code)
    except SyntaxError:
        return None


def _uncalled(tree: ast.AST | None) -> list[Event]:
    """Statements like ``loss.backward`` that name a method without calling it."""
    out: list[Event] = []
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Attribute) and node.value.attr in UNCALLED:
            out.append(Event(kind="uncalled", line=node.lineno, op=f".{node.value.attr}"))
    return out


def _def_lines(events: list[Event], tree: ast.AST | None) -> None:
    """A code object starts at its first decorator: point hook and custom-backward lines at
    the function's last ``return`` (where the gradient is made), else at its ``def``."""
    starts: dict[int, int] = {}
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            first = min([d.lineno for d in node.decorator_list] + [node.lineno])
            returns = [r.lineno for r in _own_nodes(node) if isinstance(r, ast.Return) and r.value is not None]
            starts[first] = max(returns) if returns else node.lineno
    for event in events:
        for key in ("backward_line", "hook_line"):
            line = event.detail.get(key)
            if isinstance(line, int) and line in starts:
                event.detail[key] = starts[line]


def _own_nodes(fn: ast.AST) -> list[ast.AST]:
    """The nodes of a function's body, not of the functions nested in it."""
    out: list[ast.AST] = []
    todo = list(ast.iter_child_nodes(fn))
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        out.append(node)
        todo.extend(ast.iter_child_nodes(node))
    return out
