"""Provides the recorder's handlers for calls that cut, leave or drive autograd.

Each handler runs the real call and logs an event: detach and ``.data``,
numpy()/item()/tolist(), tensor constructors that copy data, backward() and
autograd.grad(), requires_grad changes, hooks, grad-mode switches and ``.grad``
reads and writes.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import torch

from gradrepl.backends.torch import callers, freed, optable
from gradrepl.backends.torch.graphwalk import reused_node
from gradrepl.backends.torch.provenance import EMPTY, union
from gradrepl.backends.torch.nodes import safe_grad_fn, weak
from gradrepl.backends.torch.optable import OpInfo
from gradrepl.backends.torch.recorder import TorchRecording

Tensor = torch.Tensor
Handler = Callable[[OpInfo, Callable[..., Any], tuple[Any, ...], dict[str, Any]], Any]
MAX_LIST_SCAN = 256
ERROR_CHARS = 400


def table(h: Handlers) -> dict[int, Handler]:
    """The handler for every special kind of call."""
    return {
        optable.DETACH: h.detach,
        optable.GET_DATA: h.detach,
        optable.EXIT: h.exit,
        optable.CTOR: h.ctor,
        optable.BACKWARD: h.backward,
        optable.AUTOGRAD_GRAD: h.autograd_grad,
        optable.REQUIRES_GRAD: h.requires_grad,
        optable.HOOK: h.hook,
        optable.SET_GRAD: h.set_grad,
        optable.SET_DATA: h.set_data,
        optable.GET_GRAD: h.get_grad,
        optable.SET_GRAD_ATTR: h.set_grad_attr,
    }


class Handlers:
    """The handlers of one recording."""

    def __init__(self, rec: TorchRecording) -> None:
        self.rec = rec

    def _token(self, kind: str, line: int | None, op: str, taint: frozenset[int]) -> frozenset[int]:
        event = self.rec.event(kind, line, op, taint)
        return taint if event is None else union(taint, frozenset((event.token,)))

    def detach(self, info: OpInfo, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        rec = self.rec
        line = rec.user_line(3)
        rec.next_seq()
        src = args[0]
        cut = isinstance(src, Tensor) and src.requires_grad
        taint = rec.tensor_taint(src, line) if isinstance(src, Tensor) else EMPTY
        out = rec.call(func, args, kwargs)
        if not isinstance(out, Tensor):
            return out
        owner = rec.grad_owner.get(id(src))
        if owner is not None and owner[0]() is src:
            rec.own_grad(out, owner[1])
        if cut:
            taint = self._token("detach", line, info.display, taint)
        if taint:
            rec.prov.put(out, taint, line)
        return out

    def exit(self, info: OpInfo, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        rec = self.rec
        line = rec.user_line(3)
        rec.next_seq()
        src = args[0]
        taint = rec.tensor_taint(src, line) if isinstance(src, Tensor) else EMPTY
        rg = isinstance(src, Tensor) and src.requires_grad
        out = rec.call(func, args, kwargs)
        if not (taint or rg):
            return out
        kind = "numpy" if info.name in ("numpy", "__array__") else "tolist" if info.name == "tolist" else "item"
        taint = self._token(kind, line, info.display, taint)
        if isinstance(out, np.ndarray):
            rec.prov.put(out, taint, line)
        else:
            rec.prov.put_pyvalue(out, taint)
            if isinstance(out, list):
                for item in _flat(out):
                    rec.prov.put_pyvalue(item, taint)
        return out

    def ctor(self, info: OpInfo, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        rec = self.rec
        line = rec.user_line(3)
        rec.next_seq()
        data = args[1] if info.name == "new_tensor" and len(args) > 1 else (args[0] if args else kwargs.get("data"))
        taint, source, rg = self.data_taint(data, line)
        if not taint and source != "tensor":
            taint = self.inferred_taint(data)
        out = rec.call(func, args, kwargs)
        if isinstance(out, Tensor) and out is not data:
            self.after_ctor(info.display, out, taint, source, rg, line)
        return out

    def data_taint(self, data: Any, line: int | None) -> tuple[frozenset[int], str, bool]:
        """Taint of a constructor's data argument, what kind of value it is, and whether it needed grad."""
        rec = self.rec
        if isinstance(data, Tensor):
            return rec.tensor_taint(data, line), "tensor", data.requires_grad
        if isinstance(data, np.ndarray):
            taint = rec.prov.taint(data)
            base = data.base
            while not taint and isinstance(base, np.ndarray):
                taint = rec.prov.taint(base)
                base = base.base
            return taint, "numpy", False
        taint = rec.prov.pyvalue_taint(data)
        rg = False
        source = "python"
        if isinstance(data, (list, tuple)):
            for item in _flat(data):
                if isinstance(item, Tensor):
                    source = "tensor"
                    rg = rg or item.requires_grad
                    taint = union(taint, rec.tensor_taint(item, line))
                elif isinstance(item, np.ndarray):
                    taint = union(taint, rec.prov.taint(item))
                else:
                    taint = union(taint, rec.prov.pyvalue_taint(item))
        return taint, source, rg

    def inferred_taint(self, data: Any) -> frozenset[int]:
        """NumPy or Python arithmetic drops the link to the values that left torch. A
        constructor from an unknown float or array is linked to the latest such exit
        (a float to any exit, an array to numpy()/tolist()) and marked inferred."""
        if isinstance(data, np.ndarray):
            kinds: tuple[str, ...] = ("numpy", "tolist")
        elif isinstance(data, (float, np.floating)):
            kinds = ("numpy", "item", "tolist")
        else:
            return EMPTY
        exits = self.rec.log.of_kind(*kinds)
        if not exits:
            return EMPTY
        latest = max(exits, key=lambda r: r.last_seq)
        self.rec.inferred_from = latest.index
        return union(latest.in_taint, frozenset((latest.token,)))

    def after_ctor(self, op: str, out: Tensor, taint: frozenset[int], source: str, rg: bool, line: int | None) -> None:
        rec = self.rec
        if taint or rg:
            event = rec.event("tensor_ctor", line, op, taint)
            if event is not None:
                event.detail.setdefault("source", source)
                if rec.inferred_from is not None:
                    event.detail["inferred_from"] = rec.inferred_from
                    rec.inferred_from = None
                event.detail["input_requires_grad"] = event.detail.get("input_requires_grad", False) or rg
                taint = union(taint, frozenset((event.token,)))
        entry = rec.prov.put(out, taint, line)
        entry.line = line
        if out.requires_grad and out.is_leaf:
            rec.prov.make_origin(out, line)

    def backward(self, info: OpInfo, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        if info.display.startswith("Tensor."):
            losses = [args[0]]
            retain = _arg(args, kwargs, 2, "retain_graph")
            create = _arg(args, kwargs, 3, "create_graph")
        else:
            first = _arg(args, kwargs, 0, "tensors")
            losses = [first] if isinstance(first, Tensor) else list(first or [])
            retain = _arg(args, kwargs, 2, "retain_graph")
            create = _arg(args, kwargs, 3, "create_graph")
        return self._differentiate("backward", info, func, args, kwargs, losses, bool(retain), bool(create))

    def autograd_grad(self, info: OpInfo, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        outputs = _arg(args, kwargs, 0, "outputs")
        losses = [outputs] if isinstance(outputs, Tensor) else list(outputs or [])
        retain = _arg(args, kwargs, 3, "retain_graph")
        create = _arg(args, kwargs, 4, "create_graph")
        return self._differentiate("autograd_grad", info, func, args, kwargs, losses, bool(retain), bool(create))

    def _differentiate(self, kind: str, info: OpInfo, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any],
                       losses: list[Any], retain: bool, create: bool) -> Any:
        rec = self.rec
        if callers.called_by_library(rec.filename):
            # jacobian(), torch.func and friends differentiate internally: not the user's loss
            return rec.call(func, args, kwargs)
        line = rec.user_line(3)
        seq = rec.next_seq()
        taint = EMPTY
        for loss in losses:
            if isinstance(loss, Tensor):
                taint = union(taint, rec.tensor_taint(loss, line))
        event = rec.event(kind, line, info.display, taint)
        loss = losses[0] if losses and isinstance(losses[0], Tensor) else None
        if event is not None:
            if event.count == 1 or retain or create:
                _describe_loss(event.detail, loss, retain, create)
            event.refs[:] = [safe_grad_fn(loss) if loss is not None else None, weak(loss), taint]
        previous = rec.last_backward_seq
        try:
            out = rec.call(func, args, kwargs)
        except Exception as error:
            if event is not None:
                event.detail["error"] = str(error)[:ERROR_CHARS]
                loss_fn = safe_grad_fn(loss) if loss is not None else None
                if "second time" in str(error) and loss_fn is not None:
                    shared, behind = freed.freed_part(loss_fn, rec.freed_fns, previous)
                    event.detail["reused"] = shared or reused_node(loss_fn, previous)
                    entries = (rec.prov.get(t) for t in behind)
                    event.detail["reused_uids"] = sorted({e.uid for e in entries if e is not None and e.uid})[:256]
            raise
        rec.last_backward_seq = seq
        if kind == "backward" and not retain:
            freed.remember(rec.freed_fns, safe_grad_fn(loss) if loss is not None else None)
        token = frozenset() if create or event is None else frozenset((event.token,))
        rec.grad_taint = union(taint, token)
        if kind == "autograd_grad" and isinstance(out, tuple):
            for item in out:
                if isinstance(item, Tensor):
                    rec.prov.put(item, rec.grad_taint, line)
        return out

    def requires_grad(self, info: OpInfo, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        rec = self.rec
        line = rec.user_line(3)
        rec.next_seq()
        t = args[0]
        value = _arg(args, kwargs, 1, "requires_grad", True)
        try:
            out = rec.call(func, args, kwargs)
        except Exception:
            if isinstance(t, Tensor):  # an integer tensor: say where it was made
                entry = rec.prov.get(t)
                event = rec.event("requires_grad_error", line, info.display)
                if event is not None:
                    event.detail.update(dtype=str(t.dtype).replace("torch.", ""),
                                        created_line=entry.line if entry is not None else None)
            raise
        if not isinstance(t, Tensor):
            return out
        entry = rec.prov.get(t)
        if value and t.is_leaf:
            entry = rec.prov.make_origin(t, line)
            event = rec.event("requires_grad_on", line, info.display)
        else:
            event = rec.event("requires_grad_off", line, info.display)
            if event is not None and "caller_line" not in event.detail:
                caller = callers.flag_caller(rec.filename)
                if caller is not None:
                    event.detail["caller_line"] = caller
            if entry is None:
                entry = rec.prov.put(t, EMPTY, line)
            if not entry.uid:
                rec.prov.make_origin(t, rec.param_lines.get(id(t), entry.line))
        if event is not None:
            uids = event.detail.setdefault("tensors", [])
            if entry is not None and entry.uid and entry.uid not in uids and len(uids) < 256:
                uids.append(entry.uid)
        return out

    def hook(self, info: OpInfo, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        rec = self.rec
        line = rec.user_line(3)
        rec.next_seq()
        t = args[0]
        taint = rec.tensor_taint(t, line) if isinstance(t, Tensor) else EMPTY
        event = rec.event("hook", line, info.display, taint)
        fn = _arg(args, kwargs, 1, "hook")
        code = getattr(fn, "__code__", None)
        if event is not None and code is not None and code.co_filename == rec.filename:
            event.detail.setdefault("hook_line", code.co_firstlineno)
            event.detail.setdefault("hook_name", getattr(fn, "__name__", "hook"))
        return rec.call(func, args, kwargs)

    def set_grad(self, info: OpInfo, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        rec = self.rec
        enabled = bool(args[0]) if args else True
        out = rec.call(func, args, kwargs)
        if not enabled:
            line = rec.user_line(3)
            rec.next_seq()
            if rec.grad_off_line is None or torch.is_grad_enabled() is False:
                rec.grad_off_line = line
                opener = callers.opener(rec.filename)
                rec.grad_off_library = opener == "library"
                rec.grad_off_decorated = opener == "decorator"
            event = rec.event("grad_mode_off", line, "torch.no_grad")
            if event is not None and rec.grad_off_library:
                event.detail["library"] = True
        else:
            rec.grad_off_line = None
            rec.grad_off_library = rec.grad_off_decorated = False
        return out

    def set_data(self, info: OpInfo, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        rec = self.rec
        line = rec.user_line(3)
        rec.next_seq()
        t = args[0]
        taint = rec.tensor_taint(t, line) if isinstance(t, Tensor) else EMPTY
        rec.event("data_set", line, info.display, taint)
        return rec.call(func, args, kwargs)

    def get_grad(self, info: OpInfo, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        rec = self.rec
        out = rec.call(func, args, kwargs)
        t = args[0]
        if not isinstance(t, Tensor):
            return out
        line = rec.user_line(3)
        rec.next_seq()
        rec.grad_read_objs[id(t)] = weak(t)
        entry = rec.prov.get(t)
        if entry is None or not entry.uid:
            entry = rec.prov.make_origin(t, line) if t.is_leaf and t.requires_grad else entry
        uid = entry.uid if entry is not None else 0
        event = rec.event("grad_read", line, info.display)
        if event is not None:
            key = "none_uids" if out is None else "present_uids"
            bucket = event.detail.setdefault(key, [])
            if uid and uid not in bucket and len(bucket) < 64:
                bucket.append(uid)
            if out is None and not t.is_leaf:
                event.detail["non_leaf"] = True
            if out is None and not t.requires_grad:
                event.detail["no_requires_grad"] = True
        if isinstance(out, Tensor):
            rec.own_grad(out, uid)
            if rec.grad_taint:
                rec.prov.put(out, rec.grad_taint, line)
        return out

    def set_grad_attr(self, info: OpInfo, func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        rec = self.rec
        line = rec.user_line(3)
        rec.next_seq()
        t, value = args[0], args[1] if len(args) > 1 else None
        entry = rec.prov.get(t) if isinstance(t, Tensor) else None
        event = rec.event("grad_set", line, info.display)
        if event is not None:
            event.detail["to_none"] = value is None
            uids = event.detail.setdefault("owners", [])
            if entry is not None and entry.uid and entry.uid not in uids and len(uids) < 64:
                uids.append(entry.uid)
        return rec.call(func, args, kwargs)


def _arg(args: tuple[Any, ...], kwargs: dict[str, Any], index: int, name: str, default: Any = None) -> Any:
    if name in kwargs:
        return kwargs[name]
    return args[index] if len(args) > index else default


def _describe_loss(detail: dict[str, Any], loss: Any, retain: bool, create: bool) -> None:
    detail["retain_graph"] = retain
    detail["create_graph"] = create
    if isinstance(loss, Tensor):
        detail["loss_requires_grad"] = loss.requires_grad
        grad_fn = safe_grad_fn(loss)
        detail["loss_grad_fn"] = grad_fn.name() if grad_fn is not None else None
        detail["loss_shape"] = list(loss.shape)
        detail["loss_is_leaf"] = loss.is_leaf


def _flat(value: Any, depth: int = 3) -> list[Any]:
    """Items of nested lists/tuples, up to a bound."""
    out: list[Any] = []
    stack = [(value, 0)]
    while stack and len(out) < MAX_LIST_SCAN:
        item, level = stack.pop()
        if isinstance(item, (list, tuple)) and level < depth:
            stack.extend((x, level + 1) for x in reversed(item))
        else:
            out.append(item)
    return out
