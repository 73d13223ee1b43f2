"""The TF backend against real TensorFlow: load, record, inspect, reset."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.tf

STOP = """\
import tensorflow as tf
w = tf.Variable(2.0)
x = tf.constant(3.0)
with tf.GradientTape() as tape:
    y = w * x
    z = tf.stop_gradient(y)
    loss = z * 2.0 + y * 0.0
g = tape.gradient(loss, w)
"""


def test_load_returns_the_version(tf_harness: Any) -> None:
    import tensorflow as tf

    assert tf_harness.version == tf.__version__


def test_gradient_of_a_variable_comes_from_the_users_call(tf_harness: Any) -> None:
    report = tf_harness.run(STOP.replace("z * 2.0 + y * 0.0", "y * 2.0"))
    var = report.variable("w")
    assert var is not None and var.grad.kind == "finite"
    assert var.grad.sample == [pytest.approx(6.0)]
    assert report.losses == ["loss"]
    assert var.reachable is True


def test_stop_gradient_break_is_found_at_its_line(tf_harness: Any) -> None:
    code = STOP.replace("z * 2.0 + y * 0.0", "z * 2.0")
    report = tf_harness.run(code)
    var = report.variable("w")
    assert var is not None and var.grad.kind == "none"
    brk = var.evidence["break"]
    assert (brk["op"], brk["line"], brk["reason"]) == ("StopGradient", 6, "stop_gradient")
    assert any(e.kind == "stop_gradient" and e.line == 6 for e in report.events)
    cut = [n for n in report.graph.nodes if n.kind == "cut"]
    assert [n.op for n in cut] == ["StopGradient"]


def test_reset_restores_functions_eagerly_and_patched_attributes(tf_harness: Any) -> None:
    import tensorflow as tf

    original = tf.GradientTape.gradient
    report = tf_harness.run("import tensorflow as tf\ntf.GradientTape.gradient = None\ntf.config.run_functions_eagerly(True)\n")
    assert report.outcome == "completed"
    assert tf_harness.reset_ok
    assert tf.GradientTape.gradient is original
    assert not tf.config.functions_run_eagerly()


def test_a_run_without_recording_still_reports_the_gradients(tf_harness: Any) -> None:
    report = tf_harness.run(STOP.replace("z * 2.0 + y * 0.0", "z * 2.0"), record=False)
    var = report.variable("w")
    assert var is not None and var.grad.kind == "none"
    assert "break" not in var.evidence and report.events[-1].kind == "tape_gradient"


def test_a_tape_left_open_by_the_script_is_closed_after_the_run(tf_harness: Any) -> None:
    from tensorflow.python.eager import record

    import tensorflow as tf

    tf_harness.run("import tensorflow as tf\nw = tf.Variable(1.0)\ntape = tf.GradientTape()\ntape._push_tape()\ny = w * 2.0\n")
    v = tf.Variable(3.0)
    _ = v * 2.0
    assert not record.could_possibly_record()
