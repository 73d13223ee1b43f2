"""Finite-difference checks of TF gradients: a wrong gradient is caught, the element cap holds."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.tf

WRONG_GRADIENT = (
    "import tensorflow as tf\n"
    "w = tf.Variable([0.3, -1.2, 2.0, 0.7, -0.4, 1.5])\n"
    "@tf.custom_gradient\n"
    "def my_sin(x):\n"
    "    def grad(up):\n"
    "        return up * tf.sin(x)  # should be cos(x)\n"
    "    return tf.sin(x), grad\n"
    "def wrong_fn():\n"
    "    return tf.reduce_sum(my_sin(w))\n"
    "def right_fn():\n"
    "    return tf.reduce_sum(tf.sin(w))\n"
)


def test_a_wrong_custom_gradient_fails_and_the_right_one_passes(tf_harness: Any) -> None:
    checks = [{"target": "w", "fd": "wrong_fn()"}, {"target": "w", "fd": "right_fn()"}]
    wrong, right = tf_harness.run(WRONG_GRADIENT, checks=checks).checks
    assert not wrong.passed and "largest difference" in wrong.message
    assert right.passed


def test_a_check_may_name_how_many_elements_to_test(tf_harness: Any) -> None:
    checks = [{"target": "w", "fd": "right_fn()", "elements": 2}, {"target": "w", "fd": "right_fn()"}]
    few, default = tf_harness.run(WRONG_GRADIENT, checks=checks).checks
    assert few.message.startswith("2 element(s)")
    assert default.message.startswith("6 element(s)")
