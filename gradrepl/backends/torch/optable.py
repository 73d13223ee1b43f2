"""Provides the classification of torch functions the recorder treats specially.

The TorchFunctionMode hands the recorder a function object; this module turns
it, once per object, into a kind (what the recorder should do with the call)
and a display name as the user wrote it (``Tensor.detach``, ``torch.tensor``).
"""

from __future__ import annotations

import types
from typing import Any

# Kinds of call, checked in this order by the recorder.
OP = 0
"""An ordinary operation: taint flows from inputs to outputs."""
DETACH = 1
EXIT = 2
"""The value leaves torch: numpy(), item(), tolist(), float() ..."""
CTOR = 3
"""A tensor constructor that copies data: torch.tensor, as_tensor, new_tensor."""
BACKWARD = 4
AUTOGRAD_GRAD = 5
REQUIRES_GRAD = 6
"""requires_grad_() or the requires_grad setter."""
HOOK = 7
SET_GRAD = 8
"""torch._C._set_grad_enabled: what no_grad/enable_grad/set_grad_enabled call."""
GET_DATA = 9
SET_DATA = 10
GET_GRAD = 11
SET_GRAD_ATTR = 12
IGNORE = 13
"""Attribute reads and bookkeeping calls that neither compute nor cut."""

EXIT_NAMES = frozenset({"numpy", "item", "tolist", "__float__", "__int__", "__index__", "__array__", "__complex__"})
CTOR_NAMES = frozenset({"tensor", "as_tensor", "asarray", "new_tensor"})
VIEW_ATTRS = frozenset({"T", "mT", "H", "mH", "real", "imag"})
"""Attributes that compute a tensor from the tensor: ordinary ops for provenance."""
IGNORED_CALLS = frozenset(
    {"size", "dim", "numel", "stride", "storage_offset", "is_contiguous", "is_floating_point", "is_complex",
     "data_ptr", "element_size", "nelement", "__len__", "__bool__", "__repr__", "__format__", "__str__",
     "__hash__", "__contains__", "__iter__", "__reversed__", "_record_function_enter_new", "_RecordFunction",
     "__reduce_ex__", "__deepcopy__", "__getstate__", "__setstate__", "retain_grad", "get_device",
     "is_set_to", "untyped_storage", "_typed_storage", "storage", "__dlpack__", "__dlpack_device__", "__dir__"}
)

ZERO_GRAD_OPS = frozenset({"round", "round_", "sign", "sign_", "sgn", "floor", "floor_", "ceil", "ceil_", "trunc", "trunc_",
                           "fix", "fix_", "normal", "bernoulli", "poisson"})
"""Differentiable in name only: their gradient is zero almost everywhere (step functions),
or zero with respect to the parameters of the distribution they sample from."""

SINGULAR_OPS = frozenset(
    {"sqrt", "rsqrt", "log", "log2", "log10", "div", "divide", "true_divide", "__truediv__", "__rtruediv__",
     "__rdiv__", "__div__", "reciprocal", "pow", "__pow__", "__rpow__", "float_power", "acos", "asin",
     "arccos", "arcsin", "atanh", "arctanh", "cdist", "xlogy"}
)
"""Operations whose derivative is infinite or undefined at some input values."""

WHERE_OPS = frozenset({"where", "masked_fill"})

CAST_OPS = frozenset(
    {"long", "int", "short", "byte", "char", "bool", "to", "type", "type_as", "__int__", "__index__"}
)
"""Operations that change the dtype; an integer result carries no gradient."""

GRAD_ATTR = "grad"


def display_name(func: Any) -> str:
    """The call as the user would write it."""
    if isinstance(func, types.MethodWrapperType):
        attr = getattr(func.__self__, "__name__", "?")
        return f"Tensor.{attr}" if func.__name__ == "__get__" else f"Tensor.{attr} ="
    qual = getattr(func, "__qualname__", None) or getattr(func, "__name__", None) or repr(func)
    owner, _, name = qual.rpartition(".")
    module = getattr(func, "__module__", None) or ""
    if owner in ("TensorBase", "Tensor", "_TensorBase"):
        return f"Tensor.{name}"
    if owner in ("_VariableFunctionsClass", "_VariableFunctions"):
        return f"torch.{name}"
    if module.startswith("torch.nn.functional"):
        return f"F.{qual}"
    if module.startswith("torch.autograd"):
        return f"torch.autograd.{qual}"
    if module.startswith("torch.") or module == "torch":
        return f"{module}.{qual}"
    return qual


def base_name(func: Any) -> str:
    """The bare function name (``mul``, ``detach``, ``__get__`` resolved to the attribute)."""
    if isinstance(func, types.MethodWrapperType):
        return str(getattr(func.__self__, "__name__", "?"))
    return str(getattr(func, "__name__", "") or "")


def classify(func: Any) -> int:
    """The kind of a torch function, as one of this module's constants."""
    if isinstance(func, types.MethodWrapperType):
        return _classify_attr(func.__name__, base_name(func))
    name = base_name(func)
    module = getattr(func, "__module__", None) or ""
    if name in ("detach", "detach_"):
        return DETACH
    if name in EXIT_NAMES:
        return EXIT
    if name in CTOR_NAMES:
        return CTOR
    if name == "backward":
        return BACKWARD
    if name == "grad" and module.startswith("torch.autograd"):
        return AUTOGRAD_GRAD
    if name == "requires_grad_":
        return REQUIRES_GRAD
    if name in ("register_hook", "register_post_accumulate_grad_hook"):
        return HOOK
    if name == "_set_grad_enabled":
        return SET_GRAD
    if name in IGNORED_CALLS:
        return IGNORE
    return OP


def _classify_attr(method: str, attr: str) -> int:
    if method == "__get__":
        if attr == "data":
            return GET_DATA
        if attr == GRAD_ATTR:
            return GET_GRAD
        return OP if attr in VIEW_ATTRS else IGNORE
    if method == "__set__":
        if attr == "data":
            return SET_DATA
        if attr == GRAD_ATTR:
            return SET_GRAD_ATTR
        if attr == "requires_grad":
            return REQUIRES_GRAD
    return IGNORE


def is_inplace(name: str) -> bool:
    """True for in-place operations: ``add_``, ``__setitem__``, ``__iadd__``."""
    if name.startswith("__"):
        return name == "__setitem__" or (name.startswith("__i") and name not in ("__index__", "__int__", "__invert__"))
    return name.endswith("_")


F_INPLACE, F_ZERO, F_SINGULAR, F_WHERE, F_CAST = 1, 2, 4, 8, 16


class OpInfo:
    """What the recorder needs to know about one torch function, computed once."""

    __slots__ = ("kind", "name", "display", "flags")

    def __init__(self, func: Any) -> None:
        self.kind = classify(func)
        self.name = base_name(func)
        self.display = display_name(func)
        flags = F_INPLACE if is_inplace(self.name) else 0
        if self.name in ZERO_GRAD_OPS:
            flags |= F_ZERO
        if self.name in SINGULAR_OPS:
            flags |= F_SINGULAR
        if self.name in WHERE_OPS:
            flags |= F_WHERE
        if self.name in CAST_OPS:
            flags |= F_CAST
        self.flags = flags
