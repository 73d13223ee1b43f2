"""Provides TorchRecording: the TorchFunctionMode that watches user code run.

For every torch call made while the user's script runs, the recorder finds the
user's line (the innermost frame of the script), propagates provenance (which
grad-requiring leaves a value derives from, and which recorded events it passed
through), tags the outputs' ``grad_fn.metadata`` with the line, and logs the
calls that matter for gradients (detach, numpy, no_grad ops, backward ...).
Special kinds of call are handled in ``handlers``.
"""

from __future__ import annotations

import sys
from typing import Any, Callable

import torch

from gradrepl.backends.base import Recording
from gradrepl.backends.torch import optable
from gradrepl.backends.torch.eventlog import EventLog, Rec
from gradrepl.backends.torch.nodes import META_LINE, META_SCALARS, META_SEQ, TAG_ALL, safe_grad_fn, tagged, weak
from gradrepl.backends.torch.provenance import EMPTY, Provenance, union
from gradrepl.backends.torch.values import branch_nonfinite, singular_condition

Tensor = torch.Tensor
F_INPLACE, F_ZERO, F_SINGULAR, F_WHERE, F_CAST = 1, 2, 4, 8, 16
GRAD_OWNER_SWEEP = 10_000
SESSION_KEY = "__gradrepl_torch_recording__"
"""Where a REPL session's namespace keeps its recording for the next input."""
_NUMBERS = (int, float, bool, complex)
_PLAIN = (str, torch.dtype, torch.device, torch.Size, slice, type(Ellipsis), torch.memory_format, torch.layout)


class OpInfo:
    """What the recorder needs to know about one torch function, computed once."""

    __slots__ = ("kind", "name", "display", "flags")

    def __init__(self, func: Any) -> None:
        self.kind = optable.classify(func)
        self.name = optable.base_name(func)
        self.display = optable.display_name(func)
        flags = F_INPLACE if optable.is_inplace(self.name) else 0
        if self.name in optable.ZERO_GRAD_OPS:
            flags |= F_ZERO
        if self.name in optable.SINGULAR_OPS:
            flags |= F_SINGULAR
        if self.name in optable.WHERE_OPS:
            flags |= F_WHERE
        if self.name in optable.CAST_OPS:
            flags |= F_CAST
        self.flags = flags


class TorchRecording(Recording):
    """Provenance and events of one run; filled by the mode, read by inspect()."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.prov = Provenance()
        self.log = EventLog()
        self.seq = 0
        self.suspended = 0
        """>0 while torch's own machinery runs (optimizer.step, zero_grad, custom forward)."""
        self.grad_off_line: int | None = None
        self.grad_off_library = False
        """Whether library code (not the script) switched grad mode off."""
        self.grad_off_decorated = False
        """Whether ``@torch.no_grad()`` on a function of the script did."""
        self.inference_line: int | None = None
        self.grad_taint: frozenset[int] = EMPTY
        """Taint given to gradients read after the last backward (with its token without create_graph)."""
        self.grad_owner: dict[int, tuple[Any, int]] = {}
        """id of a .grad tensor handed to the user -> (weakref, owner uid)."""
        self.grad_read_objs: dict[int, Any] = {}
        """id of a tensor whose .grad the user read -> weakref."""
        self.param_lines: dict[int, int | None] = {}
        """id of a module parameter -> line where it was registered."""
        self.optimizers: list[Any] = []
        self.patcher: Any = None
        self.wrapped_steps: set[type] = set()
        self.module_lines: dict[int, tuple[Any, int | None]] = {}
        """id of a module created during the run -> (weakref, line)."""
        self.infos: dict[Any, OpInfo] = {}
        self.mode: Any = None
        self.last_backward_seq = 0
        self.inferred_from: int | None = None
        self.adopting = True
        """Until the first call of the user's code: may still continue a session's recording."""
        self.result: Any = UNSET
        self.user_error = False
        self.internal_errors = 0
        self.internal_error = ""

    # -- helpers used by the handlers -------------------------------------------------

    def call(self, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """Run the user's call; remember its result, and whether an exception is the user's."""
        try:
            result = func(*args, **kwargs)
        except BaseException:
            self.user_error = True
            raise
        self.result = result
        return result

    def note_internal(self, error: Exception) -> None:
        """The recorder failed on a call: the user's code goes on, the report says so."""
        self.internal_errors += 1
        if not self.internal_error:
            self.internal_error = f"{type(error).__name__}: {error}"[:300]

    def user_line(self, depth: int = 2) -> int | None:
        """The line of the innermost frame of the user's script."""
        frame = sys._getframe(depth)
        filename = self.filename
        while frame is not None:
            if frame.f_code.co_filename == filename:
                if self.adopting:
                    self.adopt(frame.f_globals)
                return frame.f_lineno
            frame = frame.f_back
        return None

    def adopt(self, namespace: dict[str, Any]) -> None:
        """Continue the provenance of the session this namespace belongs to (a REPL input
        sees the detach() of an earlier input). Called at the first call of the run."""
        self.adopting = False
        previous = namespace.get(SESSION_KEY)
        if not isinstance(previous, TorchRecording) or previous is self:
            return
        for name in ("prov", "log", "seq", "grad_taint", "grad_owner", "grad_read_objs", "param_lines",
                     "optimizers", "module_lines", "last_backward_seq", "infos"):
            setattr(self, name, getattr(previous, name))

    def own_grad(self, grad: Tensor, uid: int) -> None:
        """Remember whose gradient a tensor handed to the user is (to see it zeroed later)."""
        owners = self.grad_owner
        if len(owners) >= GRAD_OWNER_SWEEP:
            for key in [k for k, (ref, _) in owners.items() if ref() is None]:
                del owners[key]
        owners[id(grad)] = (weak(grad), uid)

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def event(self, kind: str, line: int | None, op: str, in_taint: frozenset[int] = EMPTY) -> Rec | None:
        return self.log.add(kind, line, op, self.seq, in_taint)

    def tensor_taint(self, t: Tensor, line: int | None) -> frozenset[int]:
        """The taint of an input tensor; a grad-requiring leaf seen first here becomes an origin."""
        entry = self.prov.get(t)
        if t.requires_grad and t.is_leaf and (entry is None or not entry.uid):
            entry = self.prov.make_origin(t, self.param_lines.get(id(t), line))
        if entry is None:
            return EMPTY
        if entry.first_use is None:
            entry.first_use = (self.seq, line)
        if entry.uid:
            entry.last_use = line
        return entry.taint

    def mark_output(self, out: Tensor, taint: frozenset[int], line: int | None, scalars: int = 0, depth: int = 1) -> None:
        """Record an op's output: provenance, and the line on its grad_fn (plus how many
        Python numbers the op took: their input slots are empty but are not cuts)."""
        grad_fn = safe_grad_fn(out) if tagged(depth) or out.is_leaf else None
        if grad_fn is not None:
            if tagged(depth):
                meta = grad_fn.metadata
                if META_LINE not in meta:
                    meta[META_LINE] = line
                    meta[META_SEQ] = self.seq
                    if scalars:
                        meta[META_SCALARS] = scalars
            if taint:
                self.prov.put(out, taint, line, depth)
        elif out.requires_grad and not out.is_leaf:
            if taint:
                self.prov.put(out, taint, line, depth)
        elif out.requires_grad:
            entry = self.prov.put(out, taint, line)
            entry.line = line if entry.line is None else entry.line
            self.prov.make_origin(out, line)
        else:
            self.prov.put(out, taint, line)

    # -- the generic path --------------------------------------------------------------

    def on_op(self, info: OpInfo, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """An ordinary op. The common case (no kwargs, no special op, tensor and number
        arguments, one tensor out) is inlined: this runs for every op of the user's code."""
        frame = sys._getframe(2)
        filename = self.filename
        while frame is not None and frame.f_code.co_filename != filename:
            frame = frame.f_back
        line = frame.f_lineno if frame is not None else None
        if self.adopting and frame is not None:
            self.adopt(frame.f_globals)
        self.seq += 1
        seq = self.seq
        if info.flags:
            return self._general(info, func, args, kwargs, line, seq)
        if kwargs:
            for value in kwargs.values():
                if isinstance(value, Tensor) or value is True or type(value) in (list, tuple):
                    return self._general(info, func, args, kwargs, line, seq)
        taint = EMPTY
        any_rg = False
        scalars = 0
        depth = 0
        entries = self.prov.entries
        for arg in args:
            if isinstance(arg, Tensor):
                rg = arg.requires_grad
                entry = entries.get(id(arg))
                if entry is None or entry.ref() is not arg or (rg and not entry.uid and arg.is_leaf):
                    got = self.tensor_taint(arg, line)
                else:
                    if entry.first_use is None:
                        entry.first_use = (seq, line)
                    if entry.uid:
                        entry.last_use = line
                    got = entry.taint
                    if entry.depth > depth:
                        depth = entry.depth
                if got:
                    taint = got if not taint else union(taint, got)
                any_rg = any_rg or rg
            elif type(arg) in _NUMBERS:
                scalars += 1
                if type(arg) is float and self.prov.pyvalues:
                    taint = union(taint, self.prov.pyvalue_taint(arg))
            elif arg is not None and type(arg) not in _PLAIN:
                return self._general(info, func, args, kwargs, line, seq)
        try:
            out = func(*args, **kwargs)
        except BaseException:
            self.user_error = True
            raise
        self.result = out
        if not isinstance(out, Tensor):
            if isinstance(out, (tuple, list)):
                grad_on = torch.is_grad_enabled()
                inputs = [a for a in args if isinstance(a, Tensor)]
                for item in out:
                    if isinstance(item, Tensor) and not _is_input(item, inputs):
                        self._output(info, item, taint, any_rg, grad_on, line, args, depth + 1)
            return out
        for arg in args:
            if arg is out:
                return out
        if out.requires_grad:
            depth += 1
            if out.is_leaf:  # a factory asked for requires_grad=True: a new origin
                self.mark_output(out, taint, line)
                return out
            if depth < TAG_ALL or tagged(depth):
                # only tagged nodes are touched from Python at all (see tagged())
                try:
                    meta = out.grad_fn.metadata
                except RuntimeError:
                    meta = None
                if meta is not None and META_LINE not in meta:
                    meta[META_LINE] = line
                    meta[META_SEQ] = seq
                    if scalars:
                        meta[META_SCALARS] = scalars
            if taint:
                self.prov.put(out, taint, line, depth)
            return out
        if any_rg:
            taint = self._cut(info, out, taint, torch.is_grad_enabled(), line)
        self.prov.put(out, taint, line)
        return out

    def _general(self, info: OpInfo, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                 line: int | None, seq: int) -> Any:
        taint, any_rg, inputs = self._scan(args, kwargs, line)
        depth = 1 + max((e.depth for e in map(self.prov.get, inputs) if e is not None), default=0)
        flags = info.flags
        inplace = (flags & F_INPLACE) or (kwargs and kwargs.get("inplace") is True)
        target = args[0] if inplace and args and isinstance(args[0], Tensor) else None
        before = _inplace_state(target) if target is not None else None
        try:
            out = self.call(func, args, kwargs)
        except Exception as error:
            if target is not None and before is not None:
                with quiet(self):
                    self._inplace_event(info, line, target, before, taint, str(error))
            raise
        grad_on = torch.is_grad_enabled()
        if target is not None and before is not None:
            self._inplace_event(info, line, target, before, taint, None)
            if grad_on or not (before[2] and before[3]):
                entry = self.prov.get(target)
                merged = union(entry.taint, taint) if entry is not None else taint
                if merged:
                    self.prov.put(target, merged, line)
            grad_fn = safe_grad_fn(target)
            if grad_fn is not None:
                grad_fn.metadata.setdefault(META_LINE, line)
                grad_fn.metadata.setdefault(META_SEQ, seq)
        outs = out if isinstance(out, (tuple, list)) else (out,)
        for item in outs:
            if isinstance(item, Tensor) and not _is_input(item, inputs):
                self._output(info, item, taint, any_rg, grad_on, line, args, depth)
        return out

    def _scan(self, args: tuple[Any, ...], kwargs: dict[str, Any], line: int | None) -> tuple[frozenset[int], bool, list[Tensor]]:
        taint: frozenset[int] = EMPTY
        any_rg = False
        inputs: list[Tensor] = []
        pyvalues = self.prov.pyvalues
        for arg in (*args, *kwargs.values()) if kwargs else args:
            if isinstance(arg, Tensor):
                inputs.append(arg)
                any_rg = any_rg or arg.requires_grad
                taint = union(taint, self.tensor_taint(arg, line))
            elif type(arg) in (list, tuple):
                for item in arg:
                    if isinstance(item, Tensor):
                        inputs.append(item)
                        any_rg = any_rg or item.requires_grad
                        taint = union(taint, self.tensor_taint(item, line))
            elif pyvalues and type(arg) is float:
                taint = union(taint, self.prov.pyvalue_taint(arg))
        return taint, any_rg, inputs

    def _output(self, info: OpInfo, out: Tensor, taint: frozenset[int], any_rg: bool, grad_on: bool,
                line: int | None, args: tuple[Any, ...], depth: int = 1) -> None:
        if out.requires_grad:
            flags = info.flags
            if flags and any_rg:
                taint = self._special(info, taint, line, args)
            scalars = 0
            for arg in args:
                if type(arg) in _NUMBERS:
                    scalars += 1
            self.mark_output(out, taint, line, scalars, depth)
            return
        if any_rg:
            taint = self._cut(info, out, taint, grad_on, line)
        self.mark_output(out, taint, line)

    def _cut(self, info: OpInfo, out: Tensor, taint: frozenset[int], grad_on: bool, line: int | None) -> frozenset[int]:
        """An output that needs no grad although an input did: the path ends here."""
        if torch.is_inference_mode_enabled():
            rec = self.event("inference_mode", line, info.display, taint)
            if rec is not None:
                rec.detail.setdefault("region_line", self.inference_line)
        elif not grad_on:
            rec = self.event("no_grad", line, info.display, taint)
            if rec is not None:
                rec.detail.setdefault("region_line", self.grad_off_line)
                if self.grad_off_library:
                    rec.detail["library"] = True
                if self.grad_off_decorated:
                    rec.detail["decorated"] = True
        else:
            rec = self.event("nondiff", line, info.display, taint)
            if rec is not None and not rec.detail:
                dtype = out.dtype
                rec.detail.update(dtype=str(dtype).replace("torch.", ""),
                                  integer=not (dtype.is_floating_point or dtype.is_complex),
                                  cast=bool(info.flags & F_CAST))
        return taint if rec is None else union(taint, frozenset((rec.token,)))

    def _special(self, info: OpInfo, taint: frozenset[int], line: int | None, args: tuple[Any, ...]) -> frozenset[int]:
        """Zero-gradient ops, singular points and where(): worth a token on the path."""
        flags = info.flags
        rec: Rec | None = None
        if flags & F_ZERO:
            rec = self.event("zero_grad_op", line, info.display, taint)
        elif flags & F_SINGULAR:
            condition = singular_condition(info.name, args)
            if condition:
                rec = self.event("singular", line, info.display, taint)
                if rec is not None:
                    rec.detail.setdefault("condition", condition)
        elif flags & F_WHERE:
            rec = self.event("where", line, info.display, taint)
            if rec is not None:
                rec.detail["branch_nonfinite"] = rec.detail.get("branch_nonfinite", False) or branch_nonfinite(info.name, args)
        return taint if rec is None else union(taint, frozenset((rec.token,)))

    def _inplace_event(self, info: OpInfo, line: int | None, target: Tensor, before: tuple[Any, ...],
                       taint: frozenset[int], error: str | None) -> None:
        version, base_op, is_leaf, requires_grad, shape = before
        owner = self.grad_owner.get(id(target))
        kind = "grad_inplace" if owner is not None and owner[0]() is target else "inplace"
        rec = self.event(kind, line, info.display, taint)
        if rec is None:
            return
        if kind == "grad_inplace":
            rec.detail.setdefault("owners", [])
            if owner is not None and owner[1] not in rec.detail["owners"] and len(rec.detail["owners"]) < 64:
                rec.detail["owners"].append(owner[1])
            return
        if "module_line" not in rec.detail:
            module = self._library_module()
            if module is not None:
                rec.detail["module"], rec.detail["module_line"] = module
        versions = rec.detail.setdefault("versions", [])
        if len(versions) < 16:
            versions.append([version, base_op, shape])
        rec.detail.setdefault("is_leaf", is_leaf)
        rec.detail.setdefault("requires_grad", requires_grad)
        rec.detail.setdefault("grad_enabled", torch.is_grad_enabled())
        if error is not None:
            rec.detail["error"] = error[:300]

    def _library_module(self) -> tuple[str, int | None] | None:
        """The innermost torch module whose code runs between the op and the user's script:
        an in-place op there is configured where the user created that module."""
        frame = sys._getframe(2)
        while frame is not None and frame.f_code.co_filename != self.filename:
            owner = frame.f_locals.get("self")
            if isinstance(owner, torch.nn.Module):
                found = self.module_lines.get(id(owner))
                if found is not None and found[0]() is owner:
                    return type(owner).__name__, found[1]
            frame = frame.f_back
        return None

    def start(self) -> None:
        from gradrepl.backends.torch.mode import RecordingMode

        self.mode = RecordingMode(self)
        self.mode.__enter__()

    def stop(self) -> None:
        if self.mode is not None:
            try:
                self.mode.__exit__(None, None, None)
            finally:
                self.mode = None


def _inplace_state(t: Tensor) -> tuple[Any, ...]:
    grad_fn = safe_grad_fn(t)
    return (t._version, grad_fn.name() if grad_fn is not None else "leaf", t.is_leaf, t.requires_grad, list(t.shape))


def _is_input(out: Tensor, inputs: list[Tensor]) -> bool:
    for item in inputs:
        if item is out:
            return True
    return False


class quiet:
    """Swallow (and count) the recorder's own errors inside the block."""

    def __init__(self, rec: TorchRecording) -> None:
        self.rec = rec

    def __enter__(self) -> None:
        return None

    def __exit__(self, et: Any, error: Any, tb: Any) -> bool:
        if isinstance(error, Exception):
            self.rec.note_internal(error)
            return True
        return False


UNSET: Any = object()


