# gradrepl-corpus: target=layer.kernel cause=numpy_roundtrip line=13 symptom=grad_none
import numpy as np
import tensorflow as tf


class Projection(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], 4), initializer="glorot_uniform")

    def call(self, x):
        z = tf.matmul(x, self.kernel)
        # a smooth clipping borrowed from a numpy prototype
        z = np.tanh(z)
        return tf.convert_to_tensor(z)


layer = Projection()
x = tf.random.normal((5, 3))
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(layer(x) ** 2)
print(tape.gradient(loss, layer.trainable_variables))
