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
from gradrepl.backends.torch.eventlog import EventLog, Rec
from gradrepl.backends.torch.graphcuts import cut_slots
from gradrepl.backends.torch.nodes import META_CUTS, META_DEPTH, META_LINE, META_SEQ, TAG_ALL, safe_grad_fn, tagged, weak
from gradrepl.backends.torch.ops import OpPaths, is_input
from gradrepl.backends.torch.optable import OpInfo
from gradrepl.backends.torch.provenance import EMPTY, Provenance, union

Tensor = torch.Tensor
GRAD_OWNER_SWEEP = 10_000
SESSION_KEY = "__gradrepl_torch_recording__"
"""Where a REPL session's namespace keeps its recording for the next input."""
_NUMBERS = (int, float, bool, complex)
_PLAIN = (str, torch.dtype, torch.device, torch.Size, slice, type(Ellipsis), torch.memory_format, torch.layout)


class TorchRecording(OpPaths, Recording):
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
        self.freed_fns: list[Any] = []
        """grad_fns of the latest losses whose backward freed their graph (see freed)."""
        self.inferred_from: int | None = None
        self.adopting = True
        """Until the first call of the user's code: may still continue a session's recording."""
        self.last_function_frame: Any = None
        """The innermost frame of a function of the script at the latest recorded call."""
        self.result: Any = UNSET
        self.user_error = False
        self.user_exc: BaseException | None = None
        self.internal_errors = 0
        self.internal_error = ""

    # -- helpers used by the handlers -------------------------------------------------

    def call(self, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """Run the user's call; remember its result, and whether an exception is the user's."""
        try:
            result = func(*args, **kwargs)
        except BaseException as error:
            self.user_error = True
            self.user_exc = error
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
                if frame.f_code.co_name != "<module>":
                    self.last_function_frame = frame
                if self.adopting:
                    self.adopt(frame.f_globals)
                return frame.f_lineno
            frame = frame.f_back
        return None

    def function_locals(self) -> dict[str, Any]:
        """Variables of the script's functions that were running at the last recorded call
        (outermost first): code written as ``def main(): ...`` keeps its model there."""
        chain = []
        frame = self.last_function_frame
        while frame is not None and frame.f_code.co_filename == self.filename and frame.f_code.co_name != "<module>":
            chain.append(frame)
            frame = frame.f_back
        merged: dict[str, Any] = {}
        for frame in reversed(chain):
            for name, value in frame.f_locals.items():
                merged.setdefault(name, value)
        return merged

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

    def mark_output(self, out: Tensor, taint: frozenset[int], line: int | None, cuts: Any = None, depth: int = 1) -> None:
        """Record an op's output: provenance, and the line on its grad_fn (plus, when some
        input needs no grad but carries provenance, the op's candidate cut inputs: see graphcuts)."""
        grad_fn = safe_grad_fn(out) if tagged(depth) or out.is_leaf else None
        if grad_fn is not None:
            if tagged(depth):
                meta = grad_fn.metadata
                if META_LINE not in meta:
                    meta[META_LINE] = line
                    meta[META_SEQ] = self.seq
                    meta[META_DEPTH] = depth
                    if cuts:
                        meta[META_CUTS] = cuts
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
        if frame is not None:
            line = frame.f_lineno
            if frame.f_code.co_name != "<module>":
                self.last_function_frame = frame
            if self.adopting:
                self.adopt(frame.f_globals)
        else:
            line = None
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
        cut_in = False
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
                    cut_in = cut_in or not rg  # provenance without grad: a cut input (graphcuts)
                any_rg = any_rg or rg
            elif type(arg) in _NUMBERS:
                if type(arg) is float and self.prov.pyvalues:
                    got = self.prov.pyvalue_taint(arg)
                    if got:
                        taint = union(taint, got)
                        cut_in = True
            elif arg is not None and type(arg) not in _PLAIN:
                return self._general(info, func, args, kwargs, line, seq)
        try:
            out = func(*args, **kwargs)
        except BaseException as error:
            self.user_error = True
            self.user_exc = error
            raise
        self.result = out
        if not isinstance(out, Tensor):
            if isinstance(out, (tuple, list)):
                grad_on = torch.is_grad_enabled()
                inputs = [a for a in args if isinstance(a, Tensor)]
                for item in out:
                    if isinstance(item, Tensor) and not is_input(item, inputs):
                        self._output(info, item, taint, any_rg, grad_on, line, args, depth + 1)
            return out
        for arg in args:
            if arg is out:
                return out
        if out.requires_grad:
            depth += 1
            if not any_rg and out.is_leaf:  # a factory asked for requires_grad=True: a new origin
                self.mark_output(out, taint, line)
                return out
            if depth < TAG_ALL or tagged(depth):
                # only tagged nodes are touched from Python at all (see tagged())
                try:
                    grad_fn = out.grad_fn
                except RuntimeError:
                    grad_fn = None
                if grad_fn is None:  # a view made with grad mode off: requires grad, has no history
                    self.prov.put(out, self._cut(info, out, taint, torch.is_grad_enabled(), line), line, depth)
                    return out
                meta = grad_fn.metadata
                if META_LINE not in meta:
                    meta[META_LINE] = line
                    meta[META_SEQ] = seq
                    meta[META_DEPTH] = depth
                    if cut_in:
                        meta[META_CUTS] = cut_slots(self.prov, args, kwargs)
            if taint:
                self.prov.put(out, taint, line, depth)
            return out
        if any_rg:
            taint = self._cut(info, out, taint, torch.is_grad_enabled(), line)
        self.prov.put(out, taint, line)
        return out

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


UNSET: Any = object()
