"""Probe how the loss depends on the output layer's kernel alone."""
import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(8, activation="tanh"), keras.layers.Dense(1)])
head = model.layers[-1]
x = tf.random.normal([16, 4])
y = tf.random.normal([16, 1])


def loss_fn():
    return tf.reduce_mean((model(x) - y) ** 2)


# record only the head's kernel, not every variable the model reads
with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(head.kernel.value)  # a Keras 3 Variable wraps the tf.Variable the tape can watch
    loss = loss_fn()
grad = tape.gradient(loss, head.kernel)
print("head kernel grad:", grad)
