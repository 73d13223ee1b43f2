# gradrepl-corpus: target=layer.alpha cause=untrainable_variable line=8 symptom=grad_none
import tensorflow as tf


class PReLULike(tf.keras.layers.Layer):
    def build(self, input_shape):
        # learnable negative slope
        self.alpha = self.add_weight(shape=(input_shape[-1],), initializer="zeros", trainable=False)

    def call(self, x):
        return tf.maximum(x, 0.0) + self.alpha * tf.minimum(x, 0.0)


layer = PReLULike()
x = tf.random.normal((8, 3))
layer(x)
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(layer(x) ** 2)
print(tape.gradient(loss, layer.alpha))
