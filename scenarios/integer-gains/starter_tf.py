"""Learn per-channel gains for a mixer, starting from the values in a config."""
import tensorflow as tf

config = {"gains": [1, 2, 1]}
tf.random.set_seed(0)
signals = tf.random.normal([3, 100])
target = tf.linalg.matvec(signals, tf.constant([0.5, 1.5, 1.0]), transpose_a=True)

gains = tf.Variable(config["gains"])
with tf.GradientTape() as tape:
    mix = tf.linalg.matvec(signals, tf.cast(gains, tf.float32), transpose_a=True)
    loss = tf.reduce_mean((mix - target) ** 2)
grad = tape.gradient(loss, gains)
print("grad of gains:", grad)
