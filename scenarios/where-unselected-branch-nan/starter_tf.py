"""Penalise constraint violations: a squared penalty and a gentler square-root one."""
import tensorflow as tf

# how far each of four constraints is violated (<= 0 means satisfied)
a = tf.Variable([-1.0, 0.0, 0.5, 2.0])
b = tf.Variable([-1.0, 0.0, 0.5, 2.0])

with tf.GradientTape() as tape:
    squared = tf.where(a > 0, a**2, 0.0)
    rooted = tf.where(b > 0, b**0.5, 0.0)
    loss = tf.reduce_sum(squared) + tf.reduce_sum(rooted)
grad_a, grad_b = tape.gradient(loss, [a, b])
print("grad of a:", grad_a)
print("grad of b:", grad_b)
