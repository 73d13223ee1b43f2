"""Provides TFBackend: TensorFlow/Keras behind gradrepl's Backend interface."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from gradrepl.backends.base import Backend, Recording
from gradrepl.backends.tf import internals, state
from gradrepl.backends.tf.recorder import TFRecording
from gradrepl.core.report import RunReport
from gradrepl.core.request import RunRequest

_WARMUP = """
import tensorflow as tf, keras
w = tf.Variable([1.0, 2.0])
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(tf.stop_gradient(w) * w)
g = tape.gradient(loss, [w])
m = keras.Sequential([keras.layers.Dense(2)])
x = tf.ones((1, 2))
with tf.GradientTape() as tape:
    y = tf.reduce_mean(m(x) ** 2)
grads = tape.gradient(y, m.trainable_variables)
keras.optimizers.SGD(0.1).apply_gradients(zip(grads, m.trainable_variables))
"""


class TFBackend(Backend):
    """Runs user code under TensorFlow's eager mode with the dataflow recorder."""

    name = "tensorflow"

    def __init__(self) -> None:
        self._snapshot: state.Snapshot | None = None
        self.version = ""

    def load(self) -> str:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
        import keras  # noqa: F401 - imported here so the first run does not pay for it

        del keras  # only the import matters
        import tensorflow as tf

        internals.get()
        self._snapshot = state.take()
        self._warm_up()
        state.restore(self._snapshot)
        self.version = str(tf.__version__)
        return self.version

    def _warm_up(self) -> None:
        """Run a small tape + Keras step through the whole recorder once."""
        filename = "<gradrepl-warmup>"
        ns: dict[str, Any] = {}
        request = RunRequest(code=_WARMUP, filename=filename)
        with self.recording(filename) as rec:
            exec(compile(_WARMUP, filename, "exec"), ns)  # noqa: S102 - our own warm-up code
        self.inspect(ns, rec, request, RunReport(framework="tensorflow", outcome="completed"))

    @contextmanager
    def recording(self, filename: str, enabled: bool = True) -> Iterator[Recording]:
        import tensorflow as tf

        from gradrepl.backends.tf.patches import install

        rec = TFRecording(filename, enabled)
        adapter = internals.get()
        patches = install(rec, trace_values=enabled)
        traced = enabled and adapter.can_trace_ops
        eager = tf.config.functions_run_eagerly()
        quiet = warnings.catch_warnings()
        try:
            quiet.__enter__()
            # eager functions are our choice, not the user's: hide tf.data's note about them
            warnings.filterwarnings("ignore", message=".*run_functions_eagerly.*")
            if traced:
                tf.config.run_functions_eagerly(True)
                adapter.add_op_callback(rec.on_op)  # type: ignore[misc]
            yield rec
        finally:
            if traced:
                try:
                    adapter.remove_op_callback(rec.on_op)  # type: ignore[misc]
                except (KeyError, ValueError):  # the user cleared the callbacks
                    pass
                tf.config.run_functions_eagerly(eager)
            _pop_leftover_tapes(rec)
            patches.undo()
            quiet.__exit__(None, None, None)

    def inspect(self, namespace: dict[str, Any], recording: Recording, request: RunRequest, report: RunReport) -> None:
        from gradrepl.backends.tf.checks import run_checks
        from gradrepl.backends.tf.inspector import inspect_run

        assert isinstance(recording, TFRecording)
        report.framework_version = self.version
        recording.busy = True
        inspect_run(namespace, recording, request, report)
        if request.checks:
            report.checks = run_checks(namespace, request.checks)

    def reset(self) -> bool:
        if self._snapshot is None:
            return True
        return state.restore(self._snapshot)


def _pop_leftover_tapes(rec: TFRecording) -> None:
    """A tape still recording after the script (pushed by hand, or a generator left open)
    would record every op of every later run: take it off TF's tape stack."""
    for key, tid in list(rec.tape_ids.items()):
        if tid in rec.active:
            tape = rec.tape_objs[key]
            try:
                tape._pop_tape()
            except Exception:  # already popped by TF itself
                pass
