"""Check the gradient of a line fit y = w * x + b before training it."""
import tensorflow as tf

x = tf.linspace(-1.0, 1.0, 5)
y = 3.0 * x + 0.5

w = tf.Variable([0.0])
b = tf.Variable([0.0])  # a Variable is watched by the tape; a constant is not


def loss_fn():
    return tf.reduce_mean((w * x + b - y) ** 2)


with tf.GradientTape() as tape:
    loss = loss_fn()
grad_w, grad_b = tape.gradient(loss, [w, b])
print("dloss/dw:", grad_w)
print("dloss/db:", grad_b)
