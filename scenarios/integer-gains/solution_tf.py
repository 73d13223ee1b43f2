"""Learn per-channel gains for a mixer, starting from the values in a config."""
import tensorflow as tf

config = {"gains": [1, 2, 1]}
tf.random.set_seed(0)
signals = tf.random.normal([3, 100])
target = tf.linalg.matvec(signals, tf.constant([0.5, 1.5, 1.0]), transpose_a=True)

# the config holds integers; gradients need a floating-point variable
gains = tf.Variable(config["gains"], dtype=tf.float32)


def loss_fn():
    mix = tf.linalg.matvec(signals, gains, transpose_a=True)
    return tf.reduce_mean((mix - target) ** 2)


with tf.GradientTape() as tape:
    loss = loss_fn()
grad = tape.gradient(loss, gains)
print("grad of gains:", grad)
