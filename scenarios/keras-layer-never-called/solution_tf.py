"""A gated regressor: a sigmoid gate scales the hidden features."""
import keras
import tensorflow as tf


class GatedNet(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = keras.layers.Dense(16, activation="relu")
        self.gate = keras.layers.Dense(16, activation="sigmoid")
        self.out = keras.layers.Dense(1)

    def build(self, input_shape):
        self.hidden.build(input_shape)
        self.gate.build(input_shape)
        self.out.build((None, 16))

    def call(self, x):
        return self.out(self.hidden(x) * self.gate(x))  # the gate must run to be trained


keras.utils.set_random_seed(0)
x = tf.random.normal([32, 4])
y = tf.reduce_max(x, axis=1, keepdims=True)
model = GatedNet()
model.build((None, 4))


def loss_fn():
    return tf.reduce_mean((model(x) - y) ** 2)


with tf.GradientTape() as tape:
    loss = loss_fn()
grads = tape.gradient(loss, model.trainable_variables)
print({v.path: g is not None for v, g in zip(model.trainable_variables, grads)})
