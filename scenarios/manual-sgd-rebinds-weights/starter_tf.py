"""Gradient descent by hand on a least-squares fit."""
import tensorflow as tf

tf.random.set_seed(0)
x = tf.random.normal([50, 3])
y = tf.linalg.matvec(x, tf.constant([1.0, -2.0, 0.5])) + 0.1 * tf.random.normal([50])
w = tf.Variable(tf.zeros([3]))
lr = 0.1

for step in range(20):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((tf.linalg.matvec(x, w) - y) ** 2)
    grad = tape.gradient(loss, w)
    w = w - lr * grad
print("w:", w)
