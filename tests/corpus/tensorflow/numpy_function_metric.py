# gradrepl-corpus: target=w cause=numpy_roundtrip line=17 symptom=grad_none
import numpy as np
import tensorflow as tf

w = tf.Variable(tf.random.normal((4, 1)))
x = tf.random.normal((16, 4))
y = tf.random.normal((16, 1))


def huber_np(err):
    a = np.abs(err)
    return np.where(a < 1.0, 0.5 * a ** 2, a - 0.5).mean().astype(np.float32)


with tf.GradientTape() as tape:
    err = tf.matmul(x, w) - y
    loss = tf.numpy_function(huber_np, [err], tf.float32)
print(tape.gradient(loss, w))
