"""Inspect the gradient of a parabola with a small helper before stepping."""
import tensorflow as tf

x = tf.Variable([2.0])


def loss_fn():
    return tf.reduce_sum(x * x)


with tf.GradientTape() as tape:
    loss = loss_fn()  # the whole loss, down to the scalar, is recorded
grads = tape.gradient(loss, x)


def get_grads(variable):
    """The gradient computed for a variable, for logging."""
    return grads


print("loss:", float(loss))
print("gradient of x:", get_grads(x))
