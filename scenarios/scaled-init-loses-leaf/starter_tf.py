"""Logistic regression by hand, starting from small random weights."""
import tensorflow as tf

tf.random.set_seed(0)
x = tf.random.normal([64, 5])
labels = tf.cast(x[:, 0] - x[:, 1] > 0, tf.float32)

w = tf.Variable(tf.random.normal([5])) * 0.01
b = tf.Variable(tf.zeros([1]))

with tf.GradientTape() as tape:
    logits = tf.linalg.matvec(x, w) + b
    loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels, logits))
grad_w, grad_b = tape.gradient(loss, [w, b])
print("grad w:", grad_w)
print("grad b:", grad_b)
