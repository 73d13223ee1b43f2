# gradrepl-corpus: target=layer.gain cause=none
# gradrepl-corpus: target=layer.kernel cause=none
import keras
import tensorflow as tf


class ScaledDense(keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform", name="kernel")
        self.gain = self.add_weight(shape=(), initializer="ones", name="gain")

    def call(self, x):
        return self.gain * keras.ops.matmul(x, self.kernel)


layer = ScaledDense(2)
opt = keras.optimizers.SGD(0.1)
x = tf.random.normal((8, 3))
target = tf.random.normal((8, 2))
for step in range(2):
    with tf.GradientTape() as tape:
        loss = keras.ops.mean(keras.ops.square(layer(x) - target))
    grads = tape.gradient(loss, layer.trainable_variables)
    opt.apply_gradients(zip(grads, layer.trainable_variables))
