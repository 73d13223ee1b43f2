# gradrepl-corpus: target=layer.kernel cause=assign_breaks line=15 symptom=grad_none
import tensorflow as tf


class UnitNormDense(tf.keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform", name="kernel")
        self.unit_kernel = tf.Variable(tf.zeros((input_shape[-1], self.units)), trainable=False)

    def call(self, x):
        self.unit_kernel.assign(self.kernel / tf.norm(self.kernel, axis=0, keepdims=True))
        return tf.matmul(x, self.unit_kernel)


layer = UnitNormDense(3)
x = tf.random.normal((5, 4))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.square(layer(x) - 1.0))
print(tape.gradient(loss, layer.kernel))
