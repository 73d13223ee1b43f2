"""Provides the wrappers installed only while a script runs under the TF recorder.

Each wrapper calls the original and tells the recording what happened: tapes
starting and stopping, ``watch`` and ``gradient`` calls, optimizer ``apply``,
values leaving TensorFlow (``numpy()``, ``float()``), and Keras variable lists
read while still empty. ``Patches.undo`` puts every original back.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

from gradrepl.backends.tf import internals
from gradrepl.backends.tf.log import ApplyCall, GradCall, SourceRef, WatchRec
from gradrepl.backends.tf.recorder import TFRecording

class Patches:
    """A set of attribute replacements that can be undone."""

    def __init__(self) -> None:
        self._saved: list[tuple[Any, str, Any]] = []

    def replace(self, owner: Any, name: str, make: Callable[[Any], Any]) -> None:
        original = owner.__dict__.get(name) if isinstance(owner, type) else getattr(owner, name, None)
        if original is None:
            return
        self._saved.append((owner, name, original))
        setattr(owner, name, make(original))

    def replace_inherited(self, cls: type, name: str, make: Callable[[Any], Any]) -> None:
        """Replace ``name`` on the class of ``cls``'s MRO that defines it."""
        owner = next((k for k in cls.__mro__ if name in vars(k)), None)
        if owner is not None:
            self.replace(owner, name, make)

    def add(self, owner: Any, name: str, value: Any) -> None:
        """Set an attribute the owner does not have yet; ``undo`` deletes it again."""
        if name in vars(owner):
            return
        self._saved.append((owner, name, _MISSING))
        setattr(owner, name, value)

    def undo(self) -> None:
        while self._saved:
            owner, name, original = self._saved.pop()
            if original is _MISSING:
                delattr(owner, name)
            else:
                setattr(owner, name, original)


_MISSING = object()


def install(rec: TFRecording, trace_values: bool) -> Patches:
    """Install every wrapper for this recording; the caller must ``undo`` them."""
    import tensorflow as tf

    patches = Patches()
    tape = tf.GradientTape
    patches.replace(tape, "__init__", lambda orig: _init(rec, orig))
    patches.replace(tape, "_push_tape", lambda orig: _push(rec, orig))
    patches.replace(tape, "_pop_tape", lambda orig: _pop(rec, orig))
    patches.replace(tape, "__exit__", lambda orig: _exit(rec, orig))
    patches.replace(tape, "watch", lambda orig: _watch(rec, orig))
    patches.replace(tape, "stop_recording", lambda orig: _stop_recording(rec, orig))
    patches.replace(tape, "gradient", lambda orig: _gradient(rec, orig))
    _install_keras(rec, patches)
    adapter = internals.get()
    if trace_values and adapter.fast_path_owner is not None:
        patches.replace(adapter.fast_path_owner, "TFE_Py_FastPathExecute", internals.reads_in_python)
    if trace_values:
        from gradrepl.backends.tf.exits import install_exits

        install_exits(rec, patches)
    return patches


def _install_keras(rec: TFRecording, patches: Patches) -> None:
    try:
        from keras.src.layers.layer import Layer
        from keras.src.models.model import Model
        from keras.src.optimizers.base_optimizer import BaseOptimizer
    except Exception:  # Keras missing or moved: record tapes only
        return
    patches.replace(BaseOptimizer, "apply_gradients", lambda orig: _apply_gradients(rec, orig))
    patches.replace(BaseOptimizer, "apply", lambda orig: _apply(rec, orig))
    for name in ("trainable_variables", "trainable_weights"):
        patches.replace(Layer, name, lambda orig, n=name: _var_list_property(rec, orig, n))
    patches.replace_inherited(Model, "fit", lambda orig: _fit(rec, orig))
    patches.replace_inherited(Model, "predict", lambda orig: _predict(rec, orig))
    patches.replace_inherited(Layer, "trainable", lambda orig: _trainable_property(rec, orig))


# -- tapes -------------------------------------------------------------------


def _init(rec: TFRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    """Register the tape where it is made, so a tape never entered still has its line."""

    @functools.wraps(orig)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> None:
        orig(self, *args, **kwargs)
        rec.tape_id(self)

    return wrapper


def _push(rec: TFRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any) -> Any:
        out = orig(self)
        rec.tape_started(self)
        return out

    return wrapper


def _pop(rec: TFRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any, *args: Any) -> Any:
        out = orig(self, *args)
        rec.tape_stopped(self, final=False)
        return out

    return wrapper


def _exit(rec: TFRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any, *args: Any) -> Any:
        try:
            return orig(self, *args)
        finally:
            rec.tape_stopped(self, final=True)

    return wrapper


def _watch(rec: TFRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any, tensor: Any) -> Any:
        tid = rec.tape_id(self)
        tensors, handles = _watch_ids(tensor)
        entry = WatchRec(seq=rec.next_seq(), line=rec.user_line(), tensors=tensors, handles=handles)
        rec.tapes[tid].watches.append(entry)
        try:
            return orig(self, tensor)
        except Exception as error:
            entry.error = f"{type(error).__name__}: {error}"
            raise

    return wrapper


def _watch_ids(value: Any) -> tuple[tuple[int, ...], tuple[int, ...]]:
    import tensorflow as tf

    tensors: list[int] = []
    handles: list[int] = []
    try:
        items = tf.nest.flatten(value)
    except Exception:  # an unflattenable structure: TF's own watch will complain
        return (), ()
    for item in items:
        ref = source_ref(item)
        if ref.key is None:
            continue
        (tensors if ref.kind == "tensor" else handles).append(ref.key)
    return tuple(tensors), tuple(handles)


def _stop_recording(rec: TFRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any) -> Any:
        rec.mark("stop_recording", rec.user_line(), "GradientTape.stop_recording", tape=rec.tape_id(self))
        return orig(self)

    return wrapper


# -- gradient calls -------------------------------------------------------------


def _gradient(rec: TFRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any, target: Any, sources: Any, *args: Any, **kwargs: Any) -> Any:
        call = _new_call(rec, self, target, sources, args, kwargs)
        rec.add_call(call)
        rec.tapes[call.tape].gradient_calls += 1
        saved, rec.phase = rec.phase, "gradient"
        try:
            result = orig(self, target, sources, *args, **kwargs)
        except Exception as error:
            call.error, call.error_type = str(error), type(error).__name__
            raise
        finally:
            rec.phase = saved
        call.results = _flatten(result)
        return result

    return wrapper


def _new_call(rec: TFRecording, tape: Any, target: Any, sources: Any, args: Any, kwargs: Any) -> GradCall:
    caller = sys._getframe(2)
    rec.note_frames(caller)
    targets = _flatten(target)
    unconnected = kwargs.get("unconnected_gradients", args[1] if len(args) > 1 else None)
    return GradCall(
        index=len(rec.calls),
        seq=rec.next_seq(),
        line=rec.user_line(caller),
        tape=rec.tape_id(tape),
        persistent=bool(getattr(tape, "_persistent", False)),
        targets=targets,
        target_ids=tuple(internals.tensor_id(t) for t in targets),
        target_expr=None,
        sources=[source_ref(s) for s in _flatten(sources)],
        unconnected="zero" if "zero" in str(unconnected).lower() else "none",
        internal=caller.f_code.co_filename != rec.filename,
    )


def _flatten(value: Any) -> list[Any]:
    import tensorflow as tf

    try:
        return list(tf.nest.flatten(value))
    except Exception:  # not a structure TF understands: keep it whole
        return [value]


def source_ref(obj: Any) -> SourceRef:
    """What kind of thing a gradient source (or watched object) is, and its key."""
    import tensorflow as tf

    if isinstance(obj, tf.Variable):
        return SourceRef("variable", _handle_id(obj), obj)
    try:
        inner = getattr(obj, "value", None) if hasattr(obj, "_value") else None
    except Exception:  # a user object whose attributes raise: not a variable
        inner = None
    if isinstance(inner, tf.Variable):
        return SourceRef("keras_variable", _handle_id(inner), obj)
    tid = internals.tensor_id(obj)
    if tid is not None:
        return SourceRef("tensor", tid, obj)
    return SourceRef("other", None, obj)


def _handle_id(var: Any) -> int | None:
    try:
        return internals.tensor_id(var.handle)
    except Exception:  # a variable without an eager handle (graph mode)
        return None


# -- optimizers and Keras -------------------------------------------------------


def _apply_gradients(rec: TFRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any, grads_and_vars: Any, *args: Any, **kwargs: Any) -> Any:
        pairs = list(grads_and_vars)
        grads = [p[0] for p in pairs if isinstance(p, tuple | list) and len(p) == 2]
        variables = [p[1] for p in pairs if isinstance(p, tuple | list) and len(p) == 2]
        return _run_apply(rec, orig, self, grads, variables, (pairs, *args), kwargs)

    return wrapper


def _apply(rec: TFRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any, grads: Any, trainable_variables: Any = None, *args: Any, **kwargs: Any) -> Any:
        if rec.phase == "optimizer":
            return orig(self, grads, trainable_variables, *args, **kwargs)
        variables = list(trainable_variables) if trainable_variables is not None else list(getattr(self, "_trainable_variables", []))
        grads = list(grads)
        return _run_apply(rec, orig, self, grads, variables, (grads, trainable_variables, *args), kwargs)

    return wrapper


def _run_apply(rec: TFRecording, orig: Callable[..., Any], opt: Any, grads: list[Any], variables: list[Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    rec.note_frames(sys._getframe(1))
    call = ApplyCall(seq=rec.next_seq(), line=rec.user_line(), grads=grads, variables=[source_ref(v) for v in variables])
    rec.add_apply(call)
    saved, rec.phase = rec.phase, "optimizer"
    try:
        return orig(opt, *args, **kwargs)
    except Exception as error:
        call.error = f"{type(error).__name__}: {error}"
        raise
    finally:
        rec.phase = saved


def _var_list_property(rec: TFRecording, orig: Any, name: str) -> Any:
    getter = orig.fget

    def fget(self: Any) -> Any:
        value = getter(self)
        if not value and rec.phase == "" and sys._getframe(1).f_code.co_filename == rec.filename:
            rec.mark("empty_variable_list", rec.user_line(), f"Layer.{name}", owner=id(self), built=bool(getattr(self, "built", False)))
        return value

    return property(fget, orig.fset, orig.fdel, orig.__doc__)


def _trainable_property(rec: TFRecording, orig: Any) -> Any:
    setter = orig.fset

    def fset(self: Any, value: Any) -> None:
        if rec.phase == "":
            rec.mark("trainable_set", rec.user_line(), "Layer.trainable", owner=id(self), value=bool(value))
        setter(self, value)

    return property(orig.fget, fset, orig.fdel, orig.__doc__)


def _predict(rec: TFRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    """``model.predict`` returns NumPy: a value leaving TensorFlow like ``.numpy()``."""

    @functools.wraps(orig)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        line = rec.user_line()
        start = len(rec.ops)
        out = orig(self, *args, **kwargs)
        produced = [op for op in rec.ops[start:] if op.outputs and op.out_enums and op.out_enums[0] in internals.get().trainable_enums]
        if produced and line is not None:
            rec.add_value_id("numpy", "Model.predict", produced[-1].outputs[0], line)
        return out

    return wrapper


def _fit(rec: TFRecording, orig: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(orig)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        rec.note_frames(sys._getframe(1))
        rec.mark("keras_fit", rec.user_line(), "Model.fit", model=id(self))
        return orig(self, *args, **kwargs)

    return wrapper
