# gradrepl-corpus: target=w cause=none
import tensorflow as tf

w = tf.Variable([0.5, -1.5, 2.0])
seen = []


def scaled_tanh(t):
    seen.append(t.numpy().copy())
    return 2.0 * tf.tanh(t)


with tf.GradientTape() as tape:
    y = tf.py_function(scaled_tanh, [w], tf.float32)
    loss = tf.reduce_sum(y ** 2)
print(tape.gradient(loss, w), len(seen))
