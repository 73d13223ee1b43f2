"""Inspect the gradient of a parabola with a small helper before stepping."""
import tensorflow as tf

x = tf.Variable([2.0])
with tf.GradientTape() as tape:
    y = x * x
loss = tf.reduce_sum(y)
grads = tape.gradient(loss, x)


def get_grads(variable):
    """The gradient computed for a variable, for logging."""
    return grads


print("loss:", float(loss))
print("gradient of x:", get_grads(x))
