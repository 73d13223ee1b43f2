"""Check the gradient of a line fit y = w * x + b before training it."""
import tensorflow as tf

x = tf.linspace(-1.0, 1.0, 5)
y = 3.0 * x + 0.5

w = tf.Variable([0.0])
b = tf.constant([0.0])

with tf.GradientTape() as tape:
    pred = w * x + b
    loss = tf.reduce_mean((pred - y) ** 2)
grad_w, grad_b = tape.gradient(loss, [w, b])
print("dloss/dw:", grad_w)
print("dloss/db:", grad_b)
