"""Provides the wrappers of nn.Parameter installed while user code runs.

The function mode sees neither ``nn.Parameter(t)`` (``Tensor._make_subclass``)
nor ``copy.deepcopy`` of a parameter. Both make a new leaf that the loss may
use instead of the tensor the user watches: ``nn.Parameter(self.weight * mask)``
in a forward cuts the path to ``self.weight``; ``model = copy.deepcopy(model)``
after the optimizer was built leaves the optimizer holding the old parameters.
"""

from __future__ import annotations

import functools
import sys
from typing import Any, Callable

import torch

from gradrepl.backends.torch.ops import quiet
from gradrepl.backends.torch.provenance import union
from gradrepl.backends.torch.recorder import TorchRecording

Tensor = torch.Tensor


def install(rec: TorchRecording, patch: Callable[[Any, str, Callable[[Any], Any]], None]) -> None:
    """Wrap nn.Parameter's constructor and deep copy for the duration of the run."""
    patch(torch.nn.Parameter, "__new__", lambda orig: _parameter_new(rec, orig))
    patch(torch.nn.Parameter, "__deepcopy__", lambda orig: _parameter_deepcopy(rec, orig))


def _parameter_new(rec: TorchRecording, orig: Any) -> Any:
    method = orig.__func__ if isinstance(orig, staticmethod) else orig

    @functools.wraps(method)
    def wrapper(cls: Any, data: Any = None, requires_grad: bool = True) -> Any:
        out = method(cls, data, requires_grad)
        # only the script's own nn.Parameter(...) of a tensor that has history (or is itself
        # a leaf that requires grad): the new leaf takes its gradient, the old one gets None
        if (isinstance(data, Tensor) and data.requires_grad and not rec.suspended and rec.mode is not None
                and sys._getframe(1).f_code.co_filename == rec.filename):
            with quiet(rec):
                line = rec.user_line(2)
                rec.next_seq()
                handlers = rec.mode.handlers_obj
                taint, _, _ = handlers.data_taint(data, line)
                handlers.after_ctor("nn.Parameter", out, taint, "tensor", True, line)
        return out

    return staticmethod(wrapper)


def _parameter_deepcopy(rec: TorchRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any, memo: dict[int, Any]) -> Any:
        if rec.suspended or rec.mode is None or id(self) in memo:
            return orig(self, memo)
        rec.suspended += 1  # the copy's own .data read and clone are not the user's ops
        try:
            out = orig(self, memo)
        finally:
            rec.suspended -= 1
        if self.requires_grad and isinstance(out, Tensor):
            with quiet(rec):
                _note_copy(rec, self, out)
        return out

    return wrapper


def _note_copy(rec: TorchRecording, original: Tensor, copy: Tensor) -> None:
    """The copy is a new origin whose parent is the original (and the copy's event), so a
    loss computed from the copy still derives from the original, through this event."""
    line = rec.user_line(3)
    if line is None:
        return
    rec.next_seq()
    entry = rec.prov.get(original)
    if entry is None or not entry.uid:
        entry = rec.prov.make_origin(original, rec.param_lines.get(id(original), line))
    event = rec.event("param_copy", line, "copy.deepcopy", entry.taint)
    taint = entry.taint if event is None else union(entry.taint, frozenset((event.token,)))
    made = rec.prov.put(copy, taint, line)
    made.line = line
    rec.prov.make_origin(copy, line)
