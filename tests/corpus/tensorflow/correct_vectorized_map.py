# gradrepl-corpus: target=w cause=none
import tensorflow as tf

w = tf.Variable(tf.random.normal((3, 3)))
xs = tf.random.normal((8, 3))
with tf.GradientTape() as tape:
    per_example = tf.vectorized_map(lambda v: tf.reduce_sum(tf.tanh(tf.linalg.matvec(w, v)) ** 2), xs)
    loss = tf.reduce_mean(per_example)
print(tape.gradient(loss, w))
