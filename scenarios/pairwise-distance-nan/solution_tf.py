"""Spread points apart by maximising their mean pairwise distance."""
import numpy as np
import tensorflow as tf

tf.random.set_seed(0)
points = tf.Variable(tf.random.normal([5, 2]))
# only pairs i < j: a point's distance to itself is 0, where sqrt has an infinite slope
i, j = np.triu_indices(5, k=1)
pick_i, pick_j = tf.one_hot(i, 5), tf.one_hot(j, 5)


def loss_fn():
    diff = pick_i @ points - pick_j @ points
    dist = tf.sqrt(tf.reduce_sum(diff**2, axis=-1))
    return -tf.reduce_sum(dist) / 25  # the same mean over all 25 pairs (the diagonal adds 0)


with tf.GradientTape() as tape:
    loss = loss_fn()
grad = tape.gradient(loss, points)
print("loss:", float(loss))
print("grad of points:", grad)
