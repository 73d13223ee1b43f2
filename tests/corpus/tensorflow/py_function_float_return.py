# gradrepl-corpus: target=w cause=python_value_roundtrip line=8 symptom=grad_zero
import tensorflow as tf

w = tf.Variable([1.0, 2.0, 3.0])


def spread(t):
    values = [float(v) for v in t]
    return max(values) - min(values)


with tf.GradientTape() as tape:
    s = tf.py_function(spread, [w * 2.0], tf.float32)
    loss = s * s
print(tape.gradient(loss, w))
