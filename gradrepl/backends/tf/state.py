"""Provides a snapshot of TF/Keras global state taken at load and restored by reset.

A user script may rebind module attributes (``tf.GradientTape = ...``), patch
methods of the classes the recorder wraps, turn on eager functions, change
``floatx`` or the mixed-precision policy, or add op callbacks. ``restore``
undoes all of that and reports whether it fully succeeded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gradrepl.backends.tf import internals


@dataclass
class Snapshot:
    """Module and class attributes as they were after warm-up."""

    attrs: list[tuple[Any, str, Any]] = field(default_factory=list)


def _watched_owners() -> list[Any]:
    import keras
    import tensorflow as tf

    owners: list[Any] = [tf, tf.config, tf.nn, tf.math, tf.keras, keras, keras.layers, keras.optimizers, keras.losses, tf.GradientTape, tf.Variable]
    base = internals.get().eager_tensor_base
    if base is not None:
        owners.append(base)
    try:
        from keras.src.layers.layer import Layer
        from keras.src.models.model import Model
        from keras.src.optimizers.base_optimizer import BaseOptimizer

        owners += [Layer, Model, BaseOptimizer]
    except Exception:  # Keras moved: watch what we can
        pass
    return owners


def take() -> Snapshot:
    snap = Snapshot()
    for owner in _watched_owners():
        for name, value in list(vars(owner).items()):
            snap.attrs.append((owner, name, value))
    return snap


def restore(snap: Snapshot) -> bool:
    """Put every recorded attribute back and reset TF/Keras globals; False if any failed."""
    ok = True
    for owner, name, value in snap.attrs:
        try:
            current = vars(owner).get(name)
            if current is not value:
                setattr(owner, name, value)
        except Exception:  # a read-only attribute the user changed: the worker must be recycled
            ok = False
    return _reset_globals() and _eager_again() and ok


def _eager_again() -> bool:
    """A script that called disable_eager_execution() leaves graph mode on: undo it if TF lets us."""
    import tensorflow as tf

    if tf.executing_eagerly():
        return True
    try:
        tf.compat.v1.enable_eager_execution()
    except Exception:  # TF refuses once graph mode was used: the worker must be recycled
        return False
    return bool(tf.executing_eagerly())


def _reset_globals() -> bool:
    import keras
    import tensorflow as tf

    ok = True
    steps = (
        lambda: tf.config.run_functions_eagerly(False),
        lambda: keras.backend.clear_session(free_memory=False),
        lambda: keras.backend.set_floatx("float32"),
        lambda: keras.mixed_precision.set_global_policy("float32"),
        lambda: keras.config.set_epsilon(1e-7),
        lambda: keras.config.set_image_data_format("channels_last"),
        lambda: tf.debugging.disable_check_numerics(),
        internals.clear_op_callbacks,
        lambda: tf.random.set_seed(0),
    )
    for step in steps:
        try:
            step()
        except Exception:
            ok = False
    return ok
