# gradrepl-corpus: target=w cause=none
import tensorflow as tf

w = tf.Variable([0.5, -1.0])


def softsign(t):
    return t / (1.0 + tf.abs(t))


with tf.GradientTape() as tape:
    y = tf.py_function(softsign, [w * 2.0], tf.float32)
    loss = tf.reduce_sum(y ** 2)
print(tape.gradient(loss, w))
