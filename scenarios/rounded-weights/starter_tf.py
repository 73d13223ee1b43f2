"""Fit weights that will be stored on a 0.25 grid (quantisation-aware fitting)."""
import tensorflow as tf

tf.random.set_seed(0)
x = tf.random.normal([32, 4])
y = tf.linalg.matvec(x, tf.constant([0.5, -1.25, 2.0, 0.75]))
w = tf.Variable(tf.random.normal([4]))

with tf.GradientTape() as tape:
    w_q = tf.round(w * 4) / 4
    loss = tf.reduce_mean((tf.linalg.matvec(x, w_q) - y) ** 2)
grad = tape.gradient(loss, w)
print("grad of w:", grad)
