# gradrepl-corpus: target=w cause=none
import tensorflow as tf

w = tf.Variable([[0.3, -0.2, 0.8], [0.1, 0.4, -0.5]])
x = tf.random.normal((6, 2))
with tf.GradientTape() as tape:
    scores = tf.matmul(x, w)
    best = tf.reduce_max(scores, axis=1)
    idx = tf.argmax(scores, axis=1)
    loss = tf.reduce_mean(best) + 0.0 * tf.cast(tf.reduce_sum(idx), tf.float32)
print(tape.gradient(loss, w))
