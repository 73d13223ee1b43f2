# gradrepl-corpus: target=ae.w_enc cause=none
import tensorflow as tf


class TiedAutoencoder(tf.keras.layers.Layer):
    def build(self, input_shape):
        self.w_enc = self.add_weight(shape=(input_shape[-1], 3), initializer="glorot_uniform", name="w_enc")
        self.b_dec = self.add_weight(shape=(input_shape[-1],), initializer="zeros", name="b_dec")

    def call(self, x):
        code = tf.nn.sigmoid(tf.matmul(x, self.w_enc))
        return tf.matmul(code, tf.transpose(self.w_enc)) + self.b_dec


ae = TiedAutoencoder()
x = tf.random.normal((10, 6))
with tf.GradientTape() as tape:
    loss = tf.reduce_mean(tf.square(ae(x) - x))
print(tape.gradient(loss, ae.trainable_variables))
