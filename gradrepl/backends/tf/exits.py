"""Provides the wrappers that see a tensor's value leave TensorFlow in user code.

``t.numpy()``, ``float(t)``, ``int(t)``, ``np.array(t)``/``np.asarray(t)``,
NumPy functions and ufuncs given a tensor (``np.mean(t)``, ``np.abs(t)``) and
``tf.numpy_function``. NumPy reads a tensor through the buffer protocol, which
Python cannot observe, so ``__array_function__`` and ``__array_ufunc__`` are
added to EagerTensor while recording. The ufunc hook must not change what
``ndarray + tensor`` means: NumPy would now call the hook where it used to
defer to ``tensor.__radd__``, so when the calling instruction is a binary
operator or comparison the hook calls that reflected method itself.
"""

from __future__ import annotations

import dis
import functools
import sys
from collections.abc import Callable
from typing import Any

import numpy as np

from gradrepl.backends.tf import internals
from gradrepl.backends.tf.recorder import TFRecording

# Frames between a value accessor and the user that mean "TensorFlow is only
# printing or formatting the tensor": not a value the user took out.
_DISPLAY_FRAMES = frozenset({"__repr__", "__str__", "__format__", "numpy_text", "_numpy_text", "array_repr", "array_str"})
# ufunc name → the tensor method Python would have called for ``array OP tensor``
_REFLECTED = {
    "add": "__radd__", "subtract": "__rsub__", "multiply": "__rmul__", "divide": "__rtruediv__",
    "true_divide": "__rtruediv__", "floor_divide": "__rfloordiv__", "remainder": "__rmod__", "mod": "__rmod__",
    "power": "__rpow__", "matmul": "__rmatmul__", "bitwise_and": "__rand__", "bitwise_or": "__ror__",
    "bitwise_xor": "__rxor__", "equal": "__eq__", "not_equal": "__ne__", "less": "__gt__",
    "less_equal": "__ge__", "greater": "__lt__", "greater_equal": "__le__",
}
# Keras modules through which a user converts a tensor (keras.ops.convert_to_numpy, variables)
_KERAS_CONVERTERS = ("/keras/src/backend/", "/keras/src/ops/")
_ACCESSORS = (("numpy", "numpy", "EagerTensor.numpy"), ("__array__", "numpy", "np.asarray"), ("__float__", "python", "float"), ("__int__", "python", "int"))


def install_exits(rec: TFRecording, patches: Any) -> None:
    import tensorflow as tf

    base = internals.get().eager_tensor_base
    if base is None:
        return
    for name, kind, op in _ACCESSORS:
        patches.replace(base, name, lambda orig, k=kind, o=op: _accessor(rec, orig, k, o))
    patches.add(base, "__array_function__", _array_function(rec, base))
    patches.add(base, "__array_ufunc__", _array_ufunc(rec, base))
    for name in ("array", "asarray", "asanyarray"):
        patches.replace(np, name, lambda orig, n=name: _converter(rec, orig, base, "np." + n))
    patches.replace(tf, "numpy_function", lambda orig: _numpy_function(rec, orig))
    patches.replace(tf, "py_function", lambda orig: _py_function(rec, orig))


def _accessor(rec: TFRecording, orig: Callable[..., Any], kind: str, op: str) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        _note(rec, "numpy" if kind == "numpy" else "python", op, self)
        return orig(self, *args, **kwargs)

    return wrapper


def _converter(rec: TFRecording, orig: Callable[..., Any], base: type, op: str) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(obj: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(obj, base):
            _note(rec, "numpy", op, obj)
        return orig(obj, *args, **kwargs)

    return wrapper


def _array_function(rec: TFRecording, base: type) -> Callable[..., Any]:
    """NumPy's dispatch hook: note the tensors, then run the plain NumPy function."""
    to_numpy = base._numpy  # type: ignore[attr-defined]

    def __array_function__(self: Any, func: Any, types: Any, args: Any, kwargs: Any) -> Any:
        op = "np." + getattr(func, "__name__", "function")

        def convert(value: Any) -> Any:
            if isinstance(value, base):
                _note(rec, "numpy", op, value)
                return to_numpy(value)
            if isinstance(value, list | tuple):
                return type(value)(convert(v) for v in value)
            return value

        return func(*[convert(a) for a in args], **{k: convert(v) for k, v in kwargs.items()})

    return __array_function__


def _array_ufunc(rec: TFRecording, base: type) -> Callable[..., Any]:
    to_numpy = base._numpy  # type: ignore[attr-defined]

    def __array_ufunc__(self: Any, ufunc: Any, method: str, *inputs: Any, **kwargs: Any) -> Any:
        name = getattr(ufunc, "__name__", "")
        if method == "__call__" and "out" not in kwargs and len(inputs) == 2 and _operator_call():
            left, right = inputs
            if isinstance(right, base) and not isinstance(left, base) and name in _REFLECTED:
                result = getattr(right, _REFLECTED[name])(left)
                if result is not NotImplemented:
                    return result
        converted = []
        for value in inputs:
            if isinstance(value, base):
                _note(rec, "numpy", "np." + name, value)
                value = to_numpy(value)
            converted.append(value)
        return getattr(ufunc, method)(*converted, **kwargs)

    return __array_ufunc__


def _operator_call() -> bool:
    """Whether the frame calling into NumPy is executing ``a OP b`` (not ``np.add(a, b)``)."""
    frame = sys._getframe(2)
    try:
        opname = dis.opname[frame.f_code.co_code[frame.f_lasti]]
    except (IndexError, AttributeError):
        return False
    return opname.startswith(("BINARY_", "INPLACE_")) or opname == "COMPARE_OP"


def _numpy_function(rec: TFRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        saved, rec.value_op = rec.value_op, "tf.numpy_function"
        try:
            return orig(*args, **kwargs)
        finally:
            rec.value_op = saved

    return wrapper


def _py_function(rec: TFRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    """``tf.py_function`` is differentiable only through the TF ops its body runs: a body
    that returns a value it took out of TensorFlow (``.numpy()``, NumPy, ``float``) passes
    no gradient back. Such a call's op gets ``facts["left_tf"]``: where the value left."""

    @functools.wraps(orig)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        left: list[Any] = []
        if args and callable(args[0]):
            args = (_watched_body(rec, args[0], left), *args[1:])
        elif callable(kwargs.get("func")):
            kwargs["func"] = _watched_body(rec, kwargs["func"], left)
        begin = rec.seq
        out = orig(*args, **kwargs)
        if left:
            _mark_py_op(rec, begin, left[0])
        return out

    return wrapper


def _watched_body(rec: TFRecording, func: Callable[..., Any], left: list[Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def body(*args: Any, **kwargs: Any) -> Any:
        start = len(rec.values)
        inputs = {i for i in (internals.tensor_id(a) for a in args) if i is not None}
        out = func(*args, **kwargs)
        exits = rec.values[start:]
        if exits and not _all_from(rec, out, inputs):
            left.append(exits[0])
        return out

    return body


def _all_from(rec: TFRecording, out: Any, inputs: set[int]) -> bool:
    """Whether every value the body returned is a tensor computed (by logged ops) from its inputs."""
    values = out if isinstance(out, list | tuple) else [out]
    for value in values:
        tid = internals.tensor_id(value)
        if tid is None or not _derives(rec, tid, inputs):
            return False
    return True


def _derives(rec: TFRecording, tid: int, inputs: set[int], limit: int = 10_000) -> bool:
    stack, seen = [tid], set()
    while stack and len(seen) < limit:
        t = stack.pop()
        if t in inputs:
            return True
        if t in seen:
            continue
        seen.add(t)
        index = rec.producer.get(t)
        if index is not None:
            stack.extend(rec.ops[index].inputs)
    return False


def _mark_py_op(rec: TFRecording, begin: int, event: Any) -> None:
    for op in reversed(rec.ops):
        if op.seq <= begin:
            return
        if op.type == "EagerPyFunc":
            op.facts = {**(op.facts or {}), "left_tf": {"kind": event.kind, "op": event.op, "line": event.line}}
            return


def _note(rec: TFRecording, kind: str, op: str, tensor: Any) -> None:
    if rec.busy:
        return
    line = _direct_user_line(rec)
    if line is not None:
        rec.add_value(kind, rec.value_op or op, tensor, line)


def _direct_user_line(rec: TFRecording) -> int | None:
    """The user's line when the user (not TF display or Keras) asked for the value."""
    f = sys._getframe(2)
    while f is not None:
        code = f.f_code
        if code.co_filename == rec.filename:
            return f.f_lineno
        if code.co_name in _DISPLAY_FRAMES:
            return None
        path = code.co_filename.replace("\\", "/")
        if "/keras/" in path and not any(part in path for part in _KERAS_CONVERTERS):
            return None  # Keras itself (progress bars, callbacks, data adapters) reading a value
        f = f.f_back
    return None
