# gradrepl-corpus: target=w cause=numpy_roundtrip line=9 symptom=grad_none
import numpy as np
import tensorflow as tf

w = tf.Variable(tf.ones((3,)))
x = tf.random.normal((5, 3))
with tf.GradientTape() as tape:
    scores = tf.linalg.matvec(x, w)
    dist = np.abs(scores) + 1.0
    loss = tf.reduce_sum(tf.constant(dist, tf.float32))
print(tape.gradient(loss, w))
