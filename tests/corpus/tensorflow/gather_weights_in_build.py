# gradrepl-corpus: target=mix.w cause=outside_tape line=12 symptom=grad_none
import numpy as np
import tensorflow as tf


class SwapMix(tf.keras.layers.Layer):
    """out = [x0*w0 + x1*w1, x0*w1 + x1*w0]"""

    def build(self, input_shape):
        self.w = self.add_weight(shape=(2,), initializer="random_normal", trainable=True, name="w")
        self.b = self.add_weight(shape=(1,), initializer="zeros", trainable=True, name="b")
        cols = [tf.reshape(tf.gather(self.w, idx), (-1, 1)) for idx in ([0, 1], [1, 0])]
        self.mixing = tf.concat(cols, axis=-1)

    def call(self, inputs):
        return tf.matmul(inputs, self.mixing) + self.b


mix = SwapMix()
model = tf.keras.Sequential([tf.keras.Input((2,)), mix, tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
x = np.random.rand(64, 2).astype("float32")
y = (x[:, :1] * 2.0 - x[:, 1:]).astype("float32")
model.fit(x, y, epochs=2, batch_size=16, verbose=0)
