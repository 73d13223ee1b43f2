# gradrepl-corpus: target=w cause=none
import tensorflow as tf

w = tf.Variable(tf.random.normal((5, 1)))
x = tf.random.normal((40, 5))
y = tf.random.normal((40, 1))
for _ in range(3):
    with tf.GradientTape() as tape:
        mse = tf.reduce_mean(tf.square(tf.matmul(x, w) - y))
        lam = 0.1 / (1.0 + float(tf.norm(w)))
        loss = mse + lam * tf.reduce_sum(tf.abs(w))
    g = tape.gradient(loss, w)
    w.assign_sub(0.05 * g)
