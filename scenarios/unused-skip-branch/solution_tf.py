"""A small regressor with a linear skip connection beside its hidden layer."""
import keras
import tensorflow as tf


class SkipNet(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = keras.layers.Dense(16, activation="relu")
        self.out = keras.layers.Dense(1)
        self.skip = keras.layers.Dense(1)

    def call(self, x):
        deep = self.out(self.hidden(x))
        shortcut = self.skip(x)
        return deep + shortcut  # the skip branch must reach the output to be trained


keras.utils.set_random_seed(0)
x = tf.random.normal([32, 4])
y = x @ tf.constant([[1.0], [-1.0], [2.0], [0.0]])
model = SkipNet()


def loss_fn():
    return tf.reduce_mean((model(x) - y) ** 2)


with tf.GradientTape() as tape:
    loss = loss_fn()
grads = tape.gradient(loss, model.trainable_variables)
print({v.path: g is not None for v, g in zip(model.trainable_variables, grads)})
