"""TF inspect against real TensorFlow: names, targets, gradient states, graph, checks, reset."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.tf

SUBCLASS = """\
import tensorflow as tf

class Net(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.dense1 = tf.keras.layers.Dense(4, activation="relu")
        self.dense2 = tf.keras.layers.Dense(1)

    def call(self, x):
        return self.dense2(self.dense1(x))

model = Net()
x = tf.random.normal((3, 2))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(model(x) ** 2)
grads = tape.gradient(loss, model.trainable_variables)
"""


def test_discovered_keras_variables_are_named_as_the_user_writes_them(tf_harness: Any) -> None:
    report = tf_harness.run(SUBCLASS)
    names = [v.name for v in report.variables]
    assert names == ["model.dense1.kernel", "model.dense1.bias", "model.dense2.kernel", "model.dense2.bias"]
    assert all(v.grad.kind in ("finite", "zero") and v.kind == "variable" for v in report.variables)
    assert report.losses == ["loss"]


def test_sequential_layers_are_named_by_index(tf_harness: Any) -> None:
    code = SUBCLASS.split("class Net")[0] + (
        "model = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(2)])\n"
        "with tf.GradientTape() as tape:\n"
        "    loss = tf.reduce_sum(model(tf.ones((1, 2))))\n"
        "g = tape.gradient(loss, model.trainable_variables)\n"
    )
    report = tf_harness.run(code)
    assert [v.name for v in report.variables] == ["model.layers[0].kernel", "model.layers[0].bias"]


def test_targets_expand_lists_and_layers_and_report_bad_expressions(tf_harness: Any) -> None:
    report = tf_harness.run(SUBCLASS, targets=["model.dense2", "[model.dense1.bias]", "nope", "x.shape", "loss"])
    names = [v.name for v in report.variables]
    assert names == ["model.dense2.kernel", "model.dense2.bias", "[model.dense1.bias][0]", "loss"]
    assert "NameError" in report.target_errors["nope"]
    assert "TensorShape" in report.target_errors["x.shape"]
    loss = report.variable("loss")
    assert loss is not None and loss.kind == "tensor" and loss.grad.kind == "none"


def test_a_name_rebound_after_the_call_means_what_was_asked(tf_harness: Any) -> None:
    code = (
        "import tensorflow as tf\n"
        "x = tf.Variable(2.0)\n"
        "for i in range(2):\n"
        "    with tf.GradientTape() as tape:\n"
        "        y = x * x\n"
        "    g = tape.gradient(y, x)\n"
        "    x = x + 1.0\n"
    )
    report = tf_harness.run(code, targets=["x"])
    var = report.variable("x")
    assert var is not None and var.kind == "tensor" and var.grad.kind == "none"
    assert var.evidence["derived"] == {"op": "AddV2", "line": 7, "from_variable": True, "assigns_same_name": True}


def test_an_embedding_gradient_is_summarised(tf_harness: Any) -> None:
    code = (
        "import tensorflow as tf\n"
        "emb = tf.keras.layers.Embedding(10, 3)\n"
        "ids = tf.constant([1, 1, 4])\n"
        "with tf.GradientTape() as tape:\n"
        "    loss = tf.reduce_sum(emb(ids))\n"
        "g = tape.gradient(loss, emb.trainable_variables)\n"
    )
    report = tf_harness.run(code)
    (var,) = report.variables
    assert var.grad.kind == "finite" and var.grad.shape == [10, 3]
    assert var.grad.sample[:3] == [0.0, 0.0, 0.0] and var.grad.max == 2.0


def test_nan_gradients_keep_counts_and_stay_json_safe(tf_harness: Any) -> None:
    code = "import tensorflow as tf\nx = tf.Variable([0.0, 0.0])\nwith tf.GradientTape() as t:\n    y = tf.norm(x)\ng = t.gradient(y, x)\n"
    report = tf_harness.run(code)
    var = report.variable("x")
    assert var is not None and var.grad.kind == "nonfinite" and var.grad.nan_count == 2
    assert var.grad.sample == [] and var.evidence["singular"]["op"] == "Sqrt"


def test_graph_goes_from_the_loss_to_variable_leaves(tf_harness: Any) -> None:
    code = (
        "import tensorflow as tf\n"
        "w = tf.Variable(2.0)\n"
        "b = tf.Variable(1.0)\n"
        "with tf.GradientTape() as tape:\n"
        "    h = w * 3.0\n"
        "    loss = h * h + tf.stop_gradient(b * 2.0)\n"
        "g = tape.gradient(loss, [w, b])\n"
    )
    report = tf_harness.run(code)
    graph = report.graph
    assert graph is not None
    root = graph.nodes[graph.root]
    assert (root.kind, root.op, root.label, root.line) == ("root", "AddV2", "loss", 6)
    leaves = [n for n in graph.nodes if n.kind == "leaf"]
    assert [n.label for n in leaves] == ["w"] and leaves[0].var == report.variable("w").uid
    cuts = [n for n in graph.nodes if n.kind == "cut"]
    assert [(n.op, n.line) for n in cuts] == [("StopGradient", 6)]
    assert report.variable("w").node == leaves[0].id


def test_graph_limit_truncates(tf_harness: Any) -> None:
    code = "import tensorflow as tf\nw = tf.Variable(1.0)\nwith tf.GradientTape() as t:\n    y = w\n    for _ in range(50):\n        y = tf.sin(y) + w\ng = t.gradient(y, w)\n"
    report = tf_harness.run(code, graph_limit=20)
    assert report.graph is not None and report.graph.truncated and len(report.graph.nodes) <= 20


def test_finite_difference_checks(tf_harness: Any) -> None:
    code = (
        "import tensorflow as tf\n"
        "w = tf.Variable([1.0, -2.0, 0.5])\n"
        "def loss_fn():\n"
        "    return tf.reduce_sum(tf.sin(w) * w)\n"
        "def wrong_fn():\n"
        "    return tf.reduce_sum(tf.stop_gradient(w) ** 2)\n"
    )
    checks = [{"target": "w", "fd": "loss_fn()"}, {"target": "w", "fd": "wrong_fn()"}, {"target": "w", "fd": "boom()"}]
    report = tf_harness.run(code, checks=checks)
    good, no_grad, broken = report.checks
    assert good.passed and good.check == "fd"
    assert not no_grad.passed and "no gradient" in no_grad.message
    assert not broken.passed and "NameError" in broken.message


def test_reset_restores_global_state(tf_harness: Any) -> None:
    import keras
    import tensorflow as tf

    relu = tf.nn.relu
    code = (
        "import keras, tensorflow as tf\n"
        "keras.backend.set_floatx('float64')\n"
        "keras.mixed_precision.set_global_policy('mixed_float16')\n"
        "tf.nn.relu = lambda x: x\n"
        "tf.debugging.enable_check_numerics()\n"
    )
    tf_harness.run(code)
    assert tf_harness.reset_ok
    assert keras.backend.floatx() == "float32"
    assert keras.mixed_precision.global_policy().name == "float32"
    assert tf.nn.relu is relu
