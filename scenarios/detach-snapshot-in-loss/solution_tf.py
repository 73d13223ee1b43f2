"""Fit a bounded signal x_hat = tanh(x) to a clean target, keeping snapshots to plot."""
import tensorflow as tf

tf.random.set_seed(0)
clean = tf.sin(tf.linspace(0.0, 3.0, 10))
x = tf.Variable(tf.random.normal([10]))
history = []


def loss_fn():
    return tf.reduce_sum((tf.tanh(x) - clean) ** 2)


with tf.GradientTape() as tape:
    x_hat = tf.tanh(x)
    history.append(tf.stop_gradient(x_hat))  # the stopped copy is only for the plot
    loss = tf.reduce_sum((x_hat - clean) ** 2)
grad = tape.gradient(loss, x)
print("grad of x:", grad)
