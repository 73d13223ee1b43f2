# gradrepl-corpus: target=w cause=numpy_roundtrip line=10 symptom=error
import numpy as np
import tensorflow as tf

w = tf.Variable(tf.random.normal((2, 1)))
x = tf.random.normal((10, 2))
y = tf.random.normal((10, 1))
with tf.GradientTape() as tape:
    residual = tf.matmul(x, w) - y
    loss = np.float32(tf.reduce_mean(residual ** 2))
grad = tape.gradient(loss, w)
w.assign_sub(0.1 * grad)
