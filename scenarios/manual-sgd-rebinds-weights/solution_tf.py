"""Gradient descent by hand on a least-squares fit."""
import tensorflow as tf

tf.random.set_seed(0)
x = tf.random.normal([50, 3])
y = tf.linalg.matvec(x, tf.constant([1.0, -2.0, 0.5])) + 0.1 * tf.random.normal([50])
w = tf.Variable(tf.zeros([3]))
lr = 0.1


def loss_fn():
    return tf.reduce_mean((tf.linalg.matvec(x, w) - y) ** 2)


for step in range(20):
    with tf.GradientTape() as tape:
        loss = loss_fn()
    grad = tape.gradient(loss, w)
    w.assign_sub(lr * grad)  # update the Variable itself; w stays a Variable
print("w:", w.numpy())

with tf.GradientTape() as tape:  # the gradient at the final weights, for inspection
    loss = loss_fn()
grad = tape.gradient(loss, w)
