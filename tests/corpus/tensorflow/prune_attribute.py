# gradrepl-corpus: target=layer.trainable_variables cause=variable_rebound line=12 symptom=grad_none
import tensorflow as tf


class MaskedDense(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], 2), initializer="ones")
        self.mask = tf.constant([[1.0, 0.0]] * input_shape[-1])

    def call(self, x):
        # prune the weights before using them
        self.w = self.w * self.mask
        return tf.matmul(x, self.w)


layer = MaskedDense()
x = tf.random.normal((3, 4))
for step in range(2):
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(layer(x) ** 2)
    grads = tape.gradient(loss, layer.trainable_variables)
    print(step, [g is None for g in grads])
