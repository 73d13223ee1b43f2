# gradrepl-corpus: target=layer.sigma cause=outside_tape line=13 symptom=grad_none
import tensorflow as tf


class NoisyDense(tf.keras.layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units

    def build(self, input_shape):
        self.mu = self.add_weight(shape=(input_shape[-1], self.units), initializer="glorot_uniform")
        self.sigma = self.add_weight(shape=(input_shape[-1], self.units), initializer=tf.keras.initializers.Constant(0.05))
        self.kernel = self.mu + self.sigma * tf.random.normal((input_shape[-1], self.units))

    def call(self, x):
        return tf.matmul(x, self.kernel)


layer = NoisyDense(2)
x = tf.random.normal((4, 3))
layer(x)
for step in range(2):
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(layer(x) ** 2)
    grads = tape.gradient(loss, layer.trainable_variables)
