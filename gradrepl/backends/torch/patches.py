"""Provides the light wrappers installed only while user code runs.

The function mode cannot see optimizer and module methods (they are plain
Python), torch.from_numpy, entering inference_mode, custom autograd.Function
calls or module (re)registration. These wrappers record them and are removed
when the run ends, whatever happened.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import warnings
from typing import Any, Callable, Iterator

import torch
from torch.nn.modules import module as module_mod
from torch.optim import optimizer as optimizer_mod

from gradrepl.backends.torch import paramwraps
from gradrepl.backends.torch.eventlog import Rec
from gradrepl.backends.torch.graphcuts import cut_inputs
from gradrepl.backends.torch.provenance import EMPTY, union
from gradrepl.backends.torch.nodes import weak
from gradrepl.backends.torch.ops import quiet
from gradrepl.backends.torch.recorder import TorchRecording

Tensor = torch.Tensor
MAX_UIDS = 256


class Patcher:
    """Attributes replaced for the duration of a run, put back in reverse order."""

    def __init__(self) -> None:
        self.saved: list[tuple[Any, str, Any]] = []

    def patch(self, owner: Any, name: str, make: Callable[[Any], Any]) -> None:
        original = owner.__dict__.get(name, _ABSENT)
        self.saved.append((owner, name, original))
        setattr(owner, name, make(getattr(owner, name) if original is _ABSENT else original))

    def restore(self) -> None:
        for owner, name, original in reversed(self.saved):
            if original is _ABSENT:
                delattr(owner, name)
            else:
                setattr(owner, name, original)
        self.saved.clear()


_ABSENT: Any = object()


@contextlib.contextmanager
def installed(rec: TorchRecording) -> Iterator[None]:
    """Install every wrapper for the duration of the block."""
    patcher = rec.patcher = Patcher()
    patch = patcher.patch
    handles: list[Any] = []
    try:
        optim = torch.optim.Optimizer
        patch(optim, "__init__", lambda orig: _optimizer_init(rec, orig))
        patch(optim, "zero_grad", lambda orig: _zero_grad(rec, orig, "optimizer"))
        patch(torch.nn.Module, "zero_grad", lambda orig: _zero_grad(rec, orig, "module"))
        patch(torch.nn.Module, "__init__", lambda orig: _module_init(rec, orig))
        patch(torch, "from_numpy", lambda orig: _from_numpy(rec, orig))
        patch(warnings, "showwarning", lambda orig: _showwarning(rec, orig))
        patch(torch.autograd.grad_mode.inference_mode, "__enter__", lambda orig: _inference_enter(rec, orig))
        patch(torch.autograd.function.Function, "apply", lambda orig: _function_apply(rec, orig))
        paramwraps.install(rec, patch)
        for name in ("register_full_backward_hook", "register_backward_hook", "register_full_backward_pre_hook"):
            patch(torch.nn.Module, name, lambda orig, name=name: _module_hook(rec, orig, name))
        handles.append(optimizer_mod.register_optimizer_step_pre_hook(lambda opt, a, k: _step_pre(rec, opt)))
        handles.append(optimizer_mod.register_optimizer_step_post_hook(lambda opt, a, k: _step_post(rec)))
        handles.append(module_mod.register_module_parameter_registration_hook(lambda m, n, p: _param_registered(rec, m, n, p)))
        handles.append(module_mod.register_module_module_registration_hook(lambda m, n, s: _module_registered(rec, m, n, s)))
        yield
    finally:
        for handle in handles:
            handle.remove()
        patcher.restore()


def run_without_mode(rec: TorchRecording, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run torch's own machinery (an optimizer step touches every parameter: seen one by
    one, that would be most of the recording's cost) with the recorder's mode off the stack."""
    mode = rec.mode
    stack = torch._C
    if mode is None or stack._len_torch_function_stack() == 0 or stack._get_function_stack_at(
            stack._len_torch_function_stack() - 1) is not mode:
        return fn(*args, **kwargs)
    stack._pop_torch_function_stack()
    try:
        return fn(*args, **kwargs)
    finally:
        stack._push_on_torch_function_stack(mode)


def _wrap_step(rec: TorchRecording, cls: type) -> None:
    """Record optimizer.step once per call and run it without the mode."""
    if cls in rec.wrapped_steps:
        return
    rec.wrapped_steps.add(cls)

    def make(orig: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(orig)
        def step(self: Any, *args: Any, **kwargs: Any) -> Any:
            if rec.suspended:
                return orig(self, *args, **kwargs)
            with quiet(rec):
                _record_step(rec, self)
            rec.suspended += 1
            try:
                return run_without_mode(rec, orig, self, *args, **kwargs)
            finally:
                rec.suspended -= 1

        return step

    rec.patcher.patch(cls, "step", make)


def _uids(rec: TorchRecording, tensors: Any, line: int | None) -> list[int]:
    out = []
    for t in tensors:
        if isinstance(t, Tensor) and len(out) < MAX_UIDS:
            entry = rec.prov.get(t)
            if entry is None or not entry.uid:
                entry = rec.prov.make_origin(t, rec.param_lines.get(id(t), line))
            out.append(entry.uid)
    return out


def _add_uids(event: Rec | None, key: str, uids: list[int]) -> None:
    if event is None:
        return
    bucket = event.detail.setdefault(key, [])
    for uid in uids:
        if uid not in bucket and len(bucket) < MAX_UIDS:
            bucket.append(uid)


def _optimizer_init(rec: TorchRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        rec.suspended += 1
        try:
            result = orig(self, *args, **kwargs)
        finally:
            rec.suspended -= 1
        with quiet(rec):
            line = rec.user_line(2)
            rec.next_seq()
            params = [p for group in self.param_groups for p in group["params"]]
            event = rec.event("optimizer_init", line, type(self).__name__)
            _add_uids(event, "params", _uids(rec, params, line))
            if event is not None:
                event.detail["frozen"] = event.detail.get("frozen", 0) + sum(1 for p in params if not p.requires_grad)
            rec.optimizers.append(weak(self))
            _wrap_step(rec, type(self))
        return result

    return wrapper


def _zero_grad(rec: TorchRecording, orig: Callable[..., Any], owner: str) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any, set_to_none: bool = True, *args: Any, **kwargs: Any) -> Any:
        if rec.suspended:
            return orig(self, set_to_none, *args, **kwargs)
        with quiet(rec):
            line = rec.user_line(2)
            rec.next_seq()
            event = rec.event("zero_grad", line, f"{type(self).__name__}.zero_grad")
            if event is not None and (event.count == 1 or event.refs[:1] != [id(self)]):
                if owner == "optimizer":
                    params = [p for group in self.param_groups for p in group["params"]]
                else:
                    params = list(self.parameters())
                _add_uids(event, "params", _uids(rec, params, line))
                event.refs[:] = [id(self)]
            if event is not None:
                event.detail["set_to_none"] = bool(set_to_none)
                event.detail["owner"] = owner
        rec.suspended += 1
        try:
            return run_without_mode(rec, orig, self, set_to_none, *args, **kwargs)
        finally:
            rec.suspended -= 1

    return wrapper


def _module_init(rec: TorchRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> None:
        orig(self, *args, **kwargs)
        if len(rec.module_lines) < 100_000:
            line = rec.user_line(2)  # also continues a session's recording (see adopt)
            with quiet(rec):
                line = _created_at(rec, self)
            rec.module_lines.setdefault(id(self), (weak(self), line))

    return wrapper


def _created_at(rec: TorchRecording, module: Any) -> int | None:
    """The script's line that creates the module: past the module's own ``__init__`` (a
    subclass defined in the script calls ``super().__init__()`` from inside it)."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename == rec.filename and frame.f_locals.get("self") is not module:
            return frame.f_lineno
        frame = frame.f_back
    return None


_HERE = os.path.dirname(os.path.abspath(__file__))


def _showwarning(rec: TorchRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    """torch warns from inside the recorder's frame; show the user's line instead."""

    @functools.wraps(orig)
    def wrapper(message: Any, category: Any, filename: str, lineno: int, *args: Any, **kwargs: Any) -> Any:
        if os.path.abspath(filename).startswith(_HERE):
            line = rec.user_line(1)
            if line is not None:
                filename, lineno = rec.filename, line
        return orig(message, category, filename, lineno, *args, **kwargs)

    return wrapper


def _step_pre(rec: TorchRecording, opt: Any) -> None:
    if rec.suspended:
        rec.suspended += 1
        return
    with quiet(rec):
        _record_step(rec, opt)
        _wrap_step(rec, type(opt))  # an optimizer from before this run: wrap its next steps
    rec.suspended += 1


def _record_step(rec: TorchRecording, opt: Any) -> None:
    line = rec.user_line(3)
    rec.next_seq()
    event = rec.event("optimizer_step", line, f"{type(opt).__name__}.step")
    if event is not None and "params" not in event.detail:
        params = [p for group in opt.param_groups for p in group["params"]]
        _add_uids(event, "params", _uids(rec, params, line))
        event.detail["without_grad"] = sum(1 for p in params if p.grad is None)
        # which tensors it changes in place: an error naming a leaf of one of these shapes
        # (a graph kept across steps) points here
        event.detail["shapes"] = [list(p.shape) for p in params[:MAX_UIDS]]


def _step_post(rec: TorchRecording) -> None:
    rec.suspended = max(0, rec.suspended - 1)


def _from_numpy(rec: TorchRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(array: Any) -> Any:
        out = orig(array)
        if rec.suspended or rec.mode is None:
            return out
        with quiet(rec):
            line = rec.user_line(2)
            rec.next_seq()
            handlers = rec.mode.handlers_obj
            taint, _, _ = handlers.data_taint(array, line)
            if not taint:
                taint = handlers.inferred_taint(array)
            handlers.after_ctor("torch.from_numpy", out, taint, "numpy", False, line)
        return out

    return wrapper


def _inference_enter(rec: TorchRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any) -> Any:
        if getattr(self, "mode", True) and not rec.suspended:
            with quiet(rec):
                line = rec.user_line(2)
                rec.inference_line = line
                rec.event("inference_mode_on", line, "torch.inference_mode")
        return orig(self)

    return wrapper


def _function_apply(rec: TorchRecording, orig: Any) -> Any:
    method = orig.__func__

    @functools.wraps(method)
    def wrapper(cls: Any, *args: Any, **kwargs: Any) -> Any:
        if rec.suspended:
            return method(cls, *args, **kwargs)
        line, taint, event, cuts, depth = None, EMPTY, None, None, 1
        with quiet(rec):
            line = rec.user_line(2)
            rec.next_seq()
            for arg in args:
                if isinstance(arg, Tensor):
                    taint = union(taint, rec.tensor_taint(arg, line))
                    entry = rec.prov.get(arg)
                    depth = max(depth, entry.depth + 1 if entry is not None else 1)
            cuts = cut_inputs(rec.prov, args, kwargs)
            event = rec.event("custom_fn", line, f"{cls.__name__}.apply", taint)
            backward_line = _def_line(getattr(cls, "backward", None), rec.filename)
            if event is not None and backward_line is not None:
                event.detail.setdefault("backward_line", backward_line)
        rec.suspended += 1
        try:
            out = method(cls, *args, **kwargs)
        finally:
            rec.suspended -= 1
        with quiet(rec):
            if event is not None:
                taint = union(taint, frozenset((event.token,)))
            for item in out if isinstance(out, tuple) else (out,):
                if isinstance(item, Tensor):
                    rec.mark_output(item, taint, line, cuts, depth)
        return out

    return classmethod(wrapper)


def _module_hook(rec: TorchRecording, orig: Callable[..., Any], name: str) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any, hook: Any, *args: Any, **kwargs: Any) -> Any:
        with quiet(rec):
            line = rec.user_line(2)
            rec.next_seq()
            event = rec.event("module_hook", line, f"{type(self).__name__}.{name}")
            _add_uids(event, "params", _uids(rec, list(self.parameters()), line))
            hook_line = _def_line(hook, rec.filename)
            if event is not None and hook_line is not None:
                event.detail.setdefault("hook_line", hook_line)
        return orig(self, hook, *args, **kwargs)

    return wrapper


def _def_line(fn: Any, filename: str) -> int | None:
    """The line of a function's ``def`` (after its decorators), when the script defines it."""
    code = getattr(fn, "__code__", None)
    if code is None or code.co_filename != filename:
        return None
    return int(code.co_firstlineno)


def _param_registered(rec: TorchRecording, module: Any, name: str, param: Any) -> None:
    with quiet(rec):
        _note_param(rec, module, name, param)


def _note_param(rec: TorchRecording, module: Any, name: str, param: Any) -> None:
    line = rec.user_line(3)
    if param is not None:
        rec.param_lines[id(param)] = line
        entry = rec.prov.get(param)
        if entry is not None:
            entry.line = line
    old = module._parameters.get(name) if hasattr(module, "_parameters") else None
    if old is not None and old is not param:
        rec.next_seq()
        event = rec.event("param_replaced", line, f"{type(module).__name__}.{name}")
        _add_uids(event, "old", _uids(rec, [old], line))
        if param is not None:
            _add_uids(event, "new", _uids(rec, [param], line))


def _module_registered(rec: TorchRecording, module: Any, name: str, sub: Any) -> None:
    with quiet(rec):
        _note_module(rec, module, name, sub)


def _note_module(rec: TorchRecording, module: Any, name: str, sub: Any) -> None:
    old = module._modules.get(name) if hasattr(module, "_modules") else None
    if old is None or old is sub:
        return
    line = rec.user_line(3)
    rec.next_seq()
    event = rec.event("param_replaced", line, f"{type(module).__name__}.{name}")
    _add_uids(event, "old", _uids(rec, list(old.parameters()), line))
    if sub is not None:
        _add_uids(event, "new", _uids(rec, list(sub.parameters()), line))
