"""Provides the code the worker runs to show an input's value, like Python's REPL does.

The REPL process never holds a tensor, so the value is formatted where it
lives: after an input whose last statement is an expression has run, this
snippet runs in the same session (unrecorded, so showing a tensor never counts
as reading it), binds ``_`` as Python's REPL does, and prints the value. Small
tensors print as the framework shows them; large ones as one summary line
(type, shape, dtype, whether they track gradients, the first values and range)
so a value never floods the terminal.
"""

from __future__ import annotations

from gradrepl.repl.source import VALUE_NAME

DISPLAY_FILENAME = "<gradrepl-display>"

SMALL_TENSOR = 64
"""Tensors with at most this many elements are shown in full."""

_SNIPPET = '''
def __gradrepl_show__(value):
    shape = getattr(value, "shape", None)
    if isinstance(value, type) or shape is None or not hasattr(value, "dtype"):
        return repr(value)
    try:
        dims = [int(d) for d in shape]
    except (TypeError, ValueError):
        return repr(value)
    size = 1
    for d in dims:
        size *= d
    if size <= __SMALL__:
        return repr(value)
    facts = ["shape=(" + ", ".join(map(str, dims)) + ("," if len(dims) == 1 else "") + ")", "dtype=" + str(getattr(value.dtype, "name", None) or value.dtype)]
    for attr in ("requires_grad", "trainable"):
        if isinstance(getattr(value, attr, None), bool):
            facts.append(attr + "=" + str(getattr(value, attr)))
    grad_fn = getattr(value, "grad_fn", None)
    if grad_fn is not None:
        facts.append("grad_fn=" + type(grad_fn).__name__)
    head = "<" + type(value).__name__ + " " + ", ".join(facts) + ">"
    try:
        array = value.detach().cpu().numpy() if hasattr(value, "detach") else value.numpy() if hasattr(value, "numpy") else value
        flat = array.reshape(-1)
        first = ", ".join(format(float(x), ".4g") for x in flat[:6])
        stats = "  first [" + first + ", ...]  min " + format(float(flat.min()), ".4g") + "  max " + format(float(flat.max()), ".4g") + "  mean " + format(float(flat.mean()), ".4g")
    except Exception:
        stats = ""
    return head + ("\\n" + stats if stats else "")


try:
    if __VALUE__ is not None:
        _ = __VALUE__
        print(__gradrepl_show__(_))
finally:
    del __VALUE__, __gradrepl_show__
'''


def display_code() -> str:
    """The snippet that prints (and then forgets) the captured value."""
    return _SNIPPET.replace("__VALUE__", VALUE_NAME).replace("__SMALL__", str(SMALL_TENSOR))
