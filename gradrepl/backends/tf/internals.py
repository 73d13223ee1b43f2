"""Provides the one adapter to TensorFlow internals the TF backend relies on.

Everything private (op callbacks, the tape's watch test, the gradient registry,
the EagerTensor base class) is reached only through this module. Each piece is
looked up once and checked; when a TensorFlow upgrade moves or removes one, the
piece reads as unavailable and the recorder records less, so the diagnosis
degrades to what the public API shows (watched variables, None results) instead
of crashing the worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

TESTED_VERSIONS = ((2, 16), (2, 21))
"""Oldest and newest TensorFlow minor versions this adapter was checked on."""

# Ops whose registered gradient function returns None for their float input:
# the tape records them, but no gradient flows back through them.
NONE_GRADIENT_OPS = frozenset(
    {"Round", "Floor", "Ceil", "Rint", "ArgMax", "ArgMin", "FloorDiv", "TruncateDiv", "Bucketize", "Unique"}
)
# Ops whose gradient is zero everywhere it exists (a path that carries nothing).
ZERO_GRADIENT_OPS = frozenset({"Sign", "ZerosLike", "OnesLike", "StopGradient_Zero"})
# Ops that cut the path on purpose.
STOP_OPS = frozenset({"StopGradient", "PreventGradient"})
# Ops that run Python (NumPy) code: numpy_function has no gradient at all.
NUMPY_OPS = frozenset({"PyFunc", "PyFuncStateless"})
# Ops whose gradient is infinite or undefined at some input value.
SINGULAR_OPS = frozenset(
    {"Sqrt", "Rsqrt", "Log", "Log1p", "RealDiv", "Div", "Reciprocal", "Inv", "Pow", "Acos", "Asin", "Atanh", "Xdivy"}
)
SELECT_OPS = frozenset({"Select", "SelectV2"})


@dataclass
class Internals:
    """What was found in the installed TensorFlow; None means unavailable."""

    version: tuple[int, int] = (0, 0)
    add_op_callback: Callable[[Any], None] | None = None
    remove_op_callback: Callable[[Any], None] | None = None
    clear_op_callbacks: Callable[[], None] | None = None
    should_record_backprop: Callable[[Sequence[Any]], bool] | None = None
    registry_lookup: Callable[[str], Any] | None = None
    eager_tensor_base: type | None = None
    fast_path_owner: Any = None
    """The module whose ``TFE_Py_FastPathExecute`` every generated op calls."""
    resource_variable_type: type | None = None
    missing: list[str] = field(default_factory=list)
    trainable_enums: frozenset[int] = frozenset()
    resource_enum: int = -1
    enum_names: dict[int, str] = field(default_factory=dict)

    @property
    def tested(self) -> bool:
        lo, hi = TESTED_VERSIONS
        return lo <= self.version <= hi

    @property
    def can_trace_ops(self) -> bool:
        return self.add_op_callback is not None and self.remove_op_callback is not None


_INTERNALS: Internals | None = None


def get() -> Internals:
    """The adapter, built on first use (after TensorFlow was imported)."""
    global _INTERNALS
    if _INTERNALS is None:
        _INTERNALS = _discover()
    return _INTERNALS


def _discover() -> Internals:
    import tensorflow as tf

    found = Internals(version=_version(tf.__version__))
    _try(found, "op_callbacks", lambda: _op_callbacks(found))
    _try(found, "record.should_record_backprop", lambda: _record(found))
    _try(found, "ops._gradient_registry", lambda: _registry(found))
    _try(found, "ops._EagerTensorBase", lambda: _eager_base(found))
    _try(found, "pywrap_tfe.TFE_Py_FastPathExecute", lambda: _fast_path(found))
    _dtypes(found, tf)
    if found.missing or not found.tested:
        log.warning("TensorFlow %s: internals missing %s; the diagnosis is reduced", tf.__version__, found.missing)
    return found


def _try(found: Internals, name: str, step: Callable[[], None]) -> None:
    try:
        step()
    except Exception:  # any failure means: this internal piece is not usable here
        found.missing.append(name)


def _version(text: str) -> tuple[int, int]:
    parts = text.split(".")
    try:
        return int(parts[0]), int(parts[1])
    except (IndexError, ValueError):
        return (0, 0)


def _op_callbacks(found: Internals) -> None:
    from tensorflow.python.framework import op_callbacks

    if not (callable(op_callbacks.add_op_callback) and callable(op_callbacks.remove_op_callback)):
        raise AttributeError("op_callbacks")
    found.add_op_callback = op_callbacks.add_op_callback
    found.remove_op_callback = op_callbacks.remove_op_callback
    found.clear_op_callbacks = getattr(op_callbacks, "clear_op_callbacks", None)


def _record(found: Internals) -> None:
    from tensorflow.python.eager import record

    fn = record.should_record_backprop
    fn([])  # must accept a list of tensors
    found.should_record_backprop = fn


def _registry(found: Internals) -> None:
    from tensorflow.python.framework import ops

    lookup = ops._gradient_registry.lookup
    lookup("MatMul")
    found.registry_lookup = lookup


def _eager_base(found: Internals) -> None:
    from tensorflow.python.framework import ops

    base = ops._EagerTensorBase
    for name in ("numpy", "__array__", "__float__", "__int__"):
        getattr(base, name)
    found.eager_tensor_base = base


def _fast_path(found: Internals) -> None:
    from tensorflow.python import pywrap_tfe
    from tensorflow.python.ops import resource_variable_ops

    if not callable(pywrap_tfe.TFE_Py_FastPathExecute):
        raise AttributeError("TFE_Py_FastPathExecute")
    found.fast_path_owner = pywrap_tfe
    found.resource_variable_type = resource_variable_ops.BaseResourceVariable


def reads_in_python(original: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap the C fast path so variable arguments are read in Python first.

    The fast path reads a tf.Variable argument (``tf.tanh(v)``) inside C,
    where no op callback sees the ReadVariableOp, so the value's origin would
    be lost. Converting the variable in Python first runs the same read
    through the ordinary op path, callback included.
    """
    import tensorflow as tf

    var_type = get().resource_variable_type or tf.Variable

    def convert(arg: Any) -> Any:
        if isinstance(arg, var_type):
            return tf.convert_to_tensor(arg)
        if isinstance(arg, list | tuple) and any(isinstance(a, var_type) for a in arg):
            return type(arg)(convert(a) for a in arg)
        return arg

    def fast_path(ctx: Any, op_name: Any, name: Any, *args: Any) -> Any:
        converted = [convert(a) for a in args]
        if all(c is a for c, a in zip(converted, args)):
            return original(ctx, op_name, name, *args)
        try:
            return original(ctx, op_name, name, *converted)
        except Exception:
            # an input that wants the resource handle, not the value: let TF convert it
            return original(ctx, op_name, name, *args)

    return fast_path


def _dtypes(found: Internals, tf: Any) -> None:
    trainable = (tf.float16, tf.float32, tf.float64, tf.bfloat16, tf.complex64, tf.complex128)
    found.trainable_enums = frozenset(d.as_datatype_enum for d in trainable)
    found.resource_enum = tf.resource.as_datatype_enum
    names = {}
    for name in dir(tf.dtypes):
        value = getattr(tf.dtypes, name)
        if isinstance(value, tf.dtypes.DType):
            names[value.as_datatype_enum] = value.name
    found.enum_names = names


def tensor_id(t: Any) -> int | None:
    """The stable per-process id of an EagerTensor, None for anything else."""
    ident = getattr(t, "_id", None)
    return ident if isinstance(ident, int) else None


def dtype_enum(t: Any) -> int:
    try:
        return int(t._datatype_enum())
    except Exception:  # not an EagerTensor, or the method moved
        return -1


def gradient_kind(op_type: str) -> str:
    """How gradients pass this op: ``ok``, ``stop``, ``none``, ``zero``, ``numpy`` or ``unregistered``."""
    if op_type in STOP_OPS:
        return "stop"
    if op_type in NUMPY_OPS:
        return "numpy"
    if op_type in NONE_GRADIENT_OPS:
        return "none"
    if op_type in ZERO_GRADIENT_OPS:
        return "zero"
    lookup = get().registry_lookup
    if lookup is None:
        return "ok"
    try:
        return "none" if lookup(op_type) is None else "ok"
    except LookupError:
        return "unregistered"
    except Exception:  # a registry that changed shape: assume differentiable
        return "ok"


def clear_op_callbacks() -> None:
    """Remove every op callback (ours or the user's, e.g. enable_check_numerics)."""
    clear = get().clear_op_callbacks
    if clear is not None:
        clear()
