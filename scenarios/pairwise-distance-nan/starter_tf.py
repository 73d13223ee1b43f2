"""Spread points apart by maximising their mean pairwise distance."""
import tensorflow as tf

tf.random.set_seed(0)
points = tf.Variable(tf.random.normal([5, 2]))

with tf.GradientTape() as tape:
    diff = points[:, None, :] - points[None, :, :]
    dist = tf.sqrt(tf.reduce_sum(diff**2, axis=-1))
    loss = -tf.reduce_mean(dist)
grad = tape.gradient(loss, points)
print("loss:", float(loss))
print("grad of points:", grad)
