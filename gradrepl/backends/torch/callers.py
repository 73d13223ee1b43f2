"""Provides who is calling into torch: the script, a decorator of the script, or library code.

The recorder's handlers ask these when a call's meaning depends on its caller:
who opened a no_grad block, whether backward() is the script's own, which line
handed a helper the flag that froze a parameter. Each walks the Python stack
from the handler that asks (the frame depths count from that handler).
"""

from __future__ import annotations

import os
import sys

_GRAD_MODE_FILES = ("grad_mode.py", "_contextlib.py")
_HERE = os.path.dirname(os.path.abspath(__file__))


def opener(filename: str) -> str:
    """Who opened the no_grad block being entered: ``script`` (a ``with`` in the user's
    code), ``decorator`` (``@torch.no_grad()`` on a function of the script) or
    ``library`` (library code, like a distribution's sample())."""
    frame = sys._getframe(2)
    while frame is not None:
        path = frame.f_code.co_filename
        if path == filename:
            return "script"
        if not (path.endswith(_GRAD_MODE_FILES) or path.startswith(_HERE)):
            return "library"
        if path.endswith("_contextlib.py"):  # @torch.no_grad() on a function: whose function?
            code = getattr(frame.f_locals.get("func"), "__code__", None)
            if code is not None:
                return "decorator" if code.co_filename == filename else "library"
        frame = frame.f_back
    return "script"


def flag_caller(filename: str) -> int | None:
    """A helper of the script that sets requires_grad from a False argument
    (``set_requires_grad(net, False)``): the line that called it with that flag decides."""
    frame = sys._getframe(2)
    while frame is not None and frame.f_code.co_filename != filename:
        frame = frame.f_back
    if frame is None or frame.f_code.co_name == "<module>":
        return None
    code = frame.f_code
    names = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
    values = frame.f_locals
    caller = frame.f_back
    if any(values.get(name) is False for name in names) and caller is not None and caller.f_code.co_filename == filename:
        return caller.f_lineno
    return None


_DISPATCH_FILES = ("overrides.py", "autograd/__init__.py", "_tensor.py")


def called_by_library(filename: str) -> bool:
    """Whether backward()/autograd.grad() was called by library code, not by the script."""
    frame = sys._getframe(2)
    while frame is not None:
        path = frame.f_code.co_filename
        if path == filename:
            return False
        if not (path.endswith(_DISPATCH_FILES) or path.startswith(_HERE)):
            return True
        frame = frame.f_back
    return False
