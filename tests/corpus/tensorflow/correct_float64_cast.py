# gradrepl-corpus: target=w cause=none
import numpy as np
import tensorflow as tf

w = tf.Variable(np.random.randn(3, 1))
x = tf.constant(np.random.randn(10, 3), dtype=tf.float32)
y = tf.constant(np.random.randn(10, 1), dtype=tf.float32)
with tf.GradientTape() as tape:
    pred = tf.matmul(x, tf.cast(w, tf.float32))
    loss = tf.reduce_mean(tf.square(pred - y))
g = tape.gradient(loss, w)
print(w.dtype, g.dtype)
