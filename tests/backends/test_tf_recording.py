"""The TF recorder against real TensorFlow: what the op log and the wrappers see."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.tf


def _record(tf_harness: Any, code: str, filename: str = "rec.py") -> tuple[Any, dict[str, Any]]:
    ns: dict[str, Any] = {}
    with tf_harness.backend.recording(filename) as rec:
        exec(compile(code, filename, "exec"), ns)  # noqa: S102 - test snippets
    tf_harness.backend.reset()
    return rec, ns


def test_a_variable_read_by_a_fast_path_op_is_logged(tf_harness: Any) -> None:
    rec, ns = _record(tf_harness, "import tensorflow as tf\nv = tf.Variable([1.0, 2.0])\ny = tf.tanh(v)\n")
    handle = ns["v"].handle._id
    reads = [op for op in rec.ops if handle in op.handles and op.outputs]
    assert reads and reads[0].type == "ReadVariableOp" and reads[0].line == 3
    tanh = next(op for op in rec.ops if op.type == "Tanh")
    assert tanh.inputs == reads[0].outputs


def test_ops_know_which_tapes_were_recording(tf_harness: Any) -> None:
    code = (
        "import tensorflow as tf\n"
        "w = tf.Variable(1.0)\n"
        "a = w * 2.0\n"
        "with tf.GradientTape() as tape:\n"
        "    b = w * 3.0\n"
        "    with tape.stop_recording():\n"
        "        c = w * 4.0\n"
    )
    rec, _ = _record(tf_harness, code)
    muls = {op.line: op.tapes for op in rec.ops if op.type == "Mul"}
    assert muls == {3: (), 5: (0,), 7: ()}
    assert rec.tapes[0].line == 4 and rec.tapes[0].exited_seq is not None


def test_values_leaving_tensorflow_are_logged_with_their_lines(tf_harness: Any) -> None:
    code = (
        "import numpy as np\n"
        "import tensorflow as tf\n"
        "t = tf.constant([1.0, -2.0])\n"
        "a = t.numpy()\n"
        "b = float(t[0])\n"
        "c = np.mean(t)\n"
        "d = np.abs(t)\n"
        "e = np.asarray(t)\n"
        "print(t)\n"
    )
    rec, _ = _record(tf_harness, code)
    seen = [(v.line, v.kind, v.op) for v in rec.values]
    assert seen == [(4, "numpy", "EagerTensor.numpy"), (5, "python", "float"), (6, "numpy", "np.mean"), (7, "numpy", "np.absolute"), (8, "numpy", "np.asarray")]


def test_numpy_operators_with_tensors_mean_the_same_while_recording(tf_harness: Any) -> None:
    code = (
        "import numpy as np\n"
        "import tensorflow as tf\n"
        "t = tf.constant([1.0, 2.0])\n"
        "a = np.array([10.0, 20.0])\n"
        "results = [a + t, a * t, a < t, np.float32(2.0) * t, np.add(a, t)]\n"
        "b = a.copy()\n"
        "b += t\n"
    )
    rec, ns = _record(tf_harness, code)
    kinds = [type(r).__name__ for r in ns["results"]]
    assert kinds == ["EagerTensor", "EagerTensor", "EagerTensor", "EagerTensor", "ndarray"]
    assert ns["b"].tolist() == [11.0, 22.0]


def test_every_wrapper_is_removed_after_the_run(tf_harness: Any) -> None:
    import numpy as np
    import tensorflow as tf
    from tensorflow.python.framework import ops

    before = (tf.GradientTape.gradient, np.asarray, tf.numpy_function, ops._EagerTensorBase.numpy)
    _record(tf_harness, "import tensorflow as tf\nx = tf.constant(1.0)\n")
    after = (tf.GradientTape.gradient, np.asarray, tf.numpy_function, ops._EagerTensorBase.numpy)
    assert before == after
    assert "__array_ufunc__" not in vars(ops._EagerTensorBase)
    assert not tf.config.functions_run_eagerly()


def test_gradient_calls_keep_sources_results_and_errors(tf_harness: Any) -> None:
    code = (
        "import tensorflow as tf\n"
        "w = tf.Variable(2.0)\n"
        "b = tf.Variable(1.0)\n"
        "with tf.GradientTape() as tape:\n"
        "    loss = w * w\n"
        "g = tape.gradient(loss, [w, b])\n"
        "try:\n"
        "    tape.gradient(loss, w)\n"
        "except RuntimeError:\n"
        "    pass\n"
    )
    rec, ns = _record(tf_harness, code)
    first, second = rec.calls
    assert first.line == 6 and [s.kind for s in first.sources] == ["variable", "variable"]
    assert first.results[1] is None and float(first.results[0]) == 4.0
    assert second.error_type == "RuntimeError" and second.line == 8


def test_a_run_without_op_callbacks_still_reports_gradients(tf_harness: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A TF upgrade that moves the internals degrades the diagnosis, never crashes it."""
    from gradrepl.backends.tf import internals

    reduced = internals.Internals(version=(99, 0), trainable_enums=internals.get().trainable_enums)
    monkeypatch.setattr(internals, "_INTERNALS", reduced)
    report = tf_harness.run("import tensorflow as tf\nw = tf.Variable(3.0)\nwith tf.GradientTape() as t:\n    y = tf.stop_gradient(w) * w\ng = t.gradient(y, w)\n")
    var = report.variable("w")
    assert var is not None and var.grad.kind == "finite"
    assert report.outcome == "completed"


def test_a_long_run_keeps_its_latest_ops(tf_harness: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from gradrepl.backends.tf import recorder

    monkeypatch.setattr(recorder, "MAX_OPS", 60)
    code = (
        "import tensorflow as tf\n"
        "w = tf.Variable(1.0)\n"
        "for _ in range(20):\n"
        "    with tf.GradientTape() as tape:\n"
        "        y = tf.stop_gradient(w * 2.0) * 3.0\n"
        "    g = tape.gradient(y, w)\n"
    )
    report = tf_harness.run(code)
    var = report.variable("w")
    assert var is not None and var.line == 2
    assert var.evidence["break"]["op"] == "StopGradient"
    assert any("dropped" in w for w in report.warnings)
