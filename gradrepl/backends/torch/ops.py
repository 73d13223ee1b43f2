"""Provides the recorder's general path: ops with keyword tensors, several outputs,
in-place ops, and what happens when an output needs no grad although an input did.

The common case is inlined in ``TorchRecording.on_op``; everything else comes here.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Callable

import torch

from gradrepl.backends.torch.eventlog import Rec
from gradrepl.backends.torch.graphcuts import cut_inputs
from gradrepl.backends.torch.nodes import META_CUTS, META_LINE, META_SEQ, safe_grad_fn
from gradrepl.backends.torch.optable import F_CAST, F_INPLACE, F_SINGULAR, F_WHERE, F_ZERO, OpInfo
from gradrepl.backends.torch.provenance import EMPTY, union
from gradrepl.backends.torch.values import branch_nonfinite, singular_condition

if TYPE_CHECKING:
    from gradrepl.backends.torch.recorder import TorchRecording

Tensor = torch.Tensor


class OpPaths:
    """The general path of the recording (a mixin of TorchRecording)."""

    def _general(self, info: OpInfo, func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                 line: int | None, seq: int) -> Any:
        taint, any_rg, inputs = self._scan(args, kwargs, line)
        depth = 1 + max((e.depth for e in map(self.prov.get, inputs) if e is not None), default=0)
        flags = info.flags
        inplace = (flags & F_INPLACE) or (kwargs and kwargs.get("inplace") is True)
        target = args[0] if inplace and args and isinstance(args[0], Tensor) else None
        before = _inplace_state(target) if target is not None else None
        cuts = cut_inputs(self.prov, args, kwargs) if any_rg else None  # before the call: an in-place op changes its target
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
                if cuts:
                    grad_fn.metadata.setdefault(META_CUTS, cuts)
        outs = out if isinstance(out, (tuple, list)) else (out,)
        for item in outs:
            if isinstance(item, Tensor) and not is_input(item, inputs):
                self._output(info, item, taint, any_rg, grad_on, line, args, depth, cuts)
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
                line: int | None, args: tuple[Any, ...], depth: int = 1, cuts: Any = None) -> None:
        if out.requires_grad and any_rg and out.is_leaf:
            # a view made with grad mode off: torch says it requires grad, but it has no history
            self.prov.put(out, self._cut(info, out, taint, grad_on, line), line, depth)
            return
        if out.requires_grad:
            flags = info.flags
            if flags and any_rg:
                taint = self._special(info, taint, line, args)
            self.mark_output(out, taint, line, cuts, depth)
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


def _inplace_state(t: Tensor) -> tuple[Any, ...]:
    grad_fn = safe_grad_fn(t)
    return (t._version, grad_fn.name() if grad_fn is not None else "leaf", t.is_leaf, t.requires_grad, list(t.shape))


def is_input(out: Tensor, inputs: list[Tensor]) -> bool:
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
