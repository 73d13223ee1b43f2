"""Provides the in-process notebook API: ``record()`` a block of your code, then ``explain`` a tensor.

    import gradrepl
    with gradrepl.record() as rec:
        loss = model(x).sum()
        loss.backward()
    rec.explain(model.fc.weight)      # -> [Finding, ...] for that tensor
    gradrepl.explain(w)               # without a recording: the state of w alone

No worker: the framework's backend runs in your own process, over the
framework you already imported. The framework is chosen from the object's
type (or, for ``record``, from what is imported), so importing this module
imports nothing heavy.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack
from types import FrameType, ModuleType, TracebackType
from typing import Any

from gradrepl.backends.base import Backend, Recording
from gradrepl.core.report import Finding, RunReport
from gradrepl.core.request import RunRequest
from gradrepl.diagnosis.engine import diagnose
from gradrepl.errors import GradreplError

_MODULES = {"torch": ("torch",), "tensorflow": ("tensorflow", "keras", "tf_keras"), "fake": ("gradrepl.backends.fakegrad",)}
_IMPORT_NAME = {"torch": "torch", "tensorflow": "tensorflow"}
_BACKENDS: dict[str, Backend] = {}


def framework_of(obj: Any) -> str:
    """``torch``, ``tensorflow`` (or ``fake``) from an object's type; GradreplError otherwise."""
    probe = obj
    if isinstance(obj, (list, tuple)) and obj:
        probe = obj[0]
    module = type(probe).__module__ or ""
    for fw, prefixes in _MODULES.items():
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return fw
    raise GradreplError(f"cannot tell the framework of a {type(probe).__name__}; pass a torch tensor or a TensorFlow variable")


def backend(framework: str) -> Backend:
    """This process's backend for ``framework``, loaded once."""
    if framework not in _BACKENDS:
        from gradrepl.backends.registry import create

        instance = create(framework)
        instance.load()
        _BACKENDS[framework] = instance
    return _BACKENDS[framework]


def explain(obj: Any, namespace: dict[str, Any] | None = None, *, name: str | None = None) -> list[Finding]:
    """Findings for ``obj`` (a tensor, variable, module or list of them), most likely first.

    Without a recording only the object's present state is known (no detach or
    no_grad events), so causes that need provenance are reported less often.
    ``namespace`` (default: the caller's globals and locals) is used to name it.
    """
    fw = framework_of(obj)
    ns = namespace if namespace is not None else _namespace(sys._getframe(1))
    be = backend(fw)
    filename = sys._getframe(1).f_code.co_filename
    with be.recording(filename, enabled=False) as rec:
        pass
    return _explain(be, rec, filename, obj, ns, name)[0]


def record(framework: str | None = None) -> Recorder:
    """A context manager that records what the code in its block does to gradients."""
    return Recorder(framework, sys._getframe(1))


class Recorder:
    """The recording of one ``with record():`` block, to explain tensors afterwards."""

    def __init__(self, framework: str | None, frame: FrameType) -> None:
        self.frameworks = [framework] if framework else _imported_frameworks()
        if not self.frameworks:
            raise GradreplError("import torch or tensorflow before gradrepl.record(), or pass framework='torch'")
        self.filename = frame.f_code.co_filename
        self._frame: FrameType | None = frame
        self._stack = ExitStack()
        self.recordings: dict[str, Recording] = {}
        self.namespace: dict[str, Any] = {}
        self.report: RunReport | None = None
        """The report of the last ``explain`` or ``findings`` call."""

    def __enter__(self) -> Recorder:
        for fw in self.frameworks:
            self.recordings[fw] = self._stack.enter_context(backend(fw).recording(self.filename))
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self._stack.close()
        if self._frame is not None:
            self.namespace = _namespace(self._frame)
            self._frame = None  # do not keep the caller's frame (and its tensors) alive

    def explain(self, obj: Any, *, name: str | None = None) -> list[Finding]:
        """Findings for ``obj``, using what the block recorded."""
        fw = framework_of(obj)
        if fw not in self.recordings:
            raise GradreplError(f"this recording did not watch {fw}; use gradrepl.record(framework={fw!r})")
        ns = self.namespace or _namespace(sys._getframe(1))
        findings, self.report = _explain(backend(fw), self.recordings[fw], self.filename, obj, ns, name)
        return findings

    def findings(self, framework: str | None = None) -> list[Finding]:
        """Findings for every tensor or variable the block left in the namespace."""
        fw = framework or self.frameworks[0]
        ns = self.namespace or _namespace(sys._getframe(1))
        report = _inspect(backend(fw), self.recordings[fw], self.filename, ns, None)
        self.report = report
        return report.findings


def _explain(
    be: Backend, rec: Recording, filename: str, obj: Any, ns: dict[str, Any], name: str | None
) -> tuple[list[Finding], RunReport]:
    name = name or _name_in(obj, ns) or "value"
    report = _inspect(be, rec, filename, {**ns, name: obj}, [name])
    if name in report.target_errors:
        raise GradreplError(f"cannot inspect {name}: {report.target_errors[name]}")
    mine = [f for f in report.findings if f.target == name or f.target.startswith((f"{name}.", f"{name}["))]
    return mine or report.findings, report


def _inspect(be: Backend, rec: Recording, filename: str, ns: dict[str, Any], targets: list[str] | None) -> RunReport:
    report = RunReport(framework=be.name, outcome="completed", script=filename)
    be.inspect(ns, rec, RunRequest(code="", filename=filename, targets=targets), report)
    report.findings = diagnose(report)
    return report


def _name_in(obj: Any, ns: dict[str, Any]) -> str | None:
    """The name the caller gave ``obj``, found by identity: ``w``, else ``model.fc.weight``."""
    public = [(k, v) for k, v in ns.items() if not k.startswith("_") and not isinstance(v, ModuleType)]
    found = next((key for key, value in public if value is obj), None)
    if found is not None:
        return found
    for key, value in public:
        for path in _member_paths(key, value, obj):
            if _evaluates_to(path, ns, obj):
                return path
    return None


def _member_paths(key: str, value: Any, obj: Any) -> list[str]:
    """Expressions for ``obj`` one step inside ``value``: a module parameter or an attribute."""
    named = getattr(value, "named_parameters", None)
    if callable(named) and not isinstance(value, type):
        try:
            for dotted, param in named():
                if param is obj:
                    return [key + "".join(f"[{p}]" if p.isdigit() else f".{p}" for p in dotted.split("."))]
        except Exception:  # noqa: S112 - a user object's named_parameters may do anything
            return []
    attrs = getattr(value, "__dict__", None)
    if isinstance(attrs, dict) and not isinstance(value, type):
        return [f"{key}.{attr}" for attr, member in attrs.items() if member is obj and attr.isidentifier()]
    return []


def _evaluates_to(expr: str, ns: dict[str, Any], obj: Any) -> bool:
    try:
        return eval(expr, {"__builtins__": {}}, ns) is obj  # noqa: S307 - a path built from names in ns
    except Exception:
        return False


def _namespace(frame: FrameType) -> dict[str, Any]:
    return {**frame.f_globals, **frame.f_locals}


def _imported_frameworks() -> list[str]:
    return [fw for fw, module in _IMPORT_NAME.items() if module in sys.modules]
