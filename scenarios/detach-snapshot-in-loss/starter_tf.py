"""Fit a bounded signal x_hat = tanh(x) to a clean target, keeping snapshots to plot."""
import tensorflow as tf

tf.random.set_seed(0)
clean = tf.sin(tf.linspace(0.0, 3.0, 10))
x = tf.Variable(tf.random.normal([10]))
history = []

with tf.GradientTape() as tape:
    x_hat = tf.tanh(x)
    snapshot = tf.stop_gradient(x_hat)  # keep a copy for the plot
    history.append(snapshot)
    loss = tf.reduce_sum((snapshot - clean) ** 2)
grad = tape.gradient(loss, x)
print("grad of x:", grad)
