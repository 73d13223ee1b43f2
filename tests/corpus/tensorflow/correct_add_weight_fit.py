# gradrepl-corpus: target=rbf.centers cause=none
# gradrepl-corpus: target=rbf.log_gamma cause=none
import numpy as np
import tensorflow as tf


class RBF(tf.keras.layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.centers = self.add_weight(name="centers", shape=(self.units, input_shape[-1]), initializer="random_normal")
        self.log_gamma = self.add_weight(name="log_gamma", shape=(), initializer="zeros")

    def call(self, x):
        d2 = tf.reduce_sum(tf.square(tf.expand_dims(x, 1) - self.centers), axis=-1)
        return tf.exp(-tf.exp(self.log_gamma) * d2)


rbf = RBF(6)
model = tf.keras.Sequential([tf.keras.Input((2,)), rbf, tf.keras.layers.Dense(1)])
model.compile(optimizer=tf.keras.optimizers.Adam(0.01), loss="mse")
x = np.random.uniform(-1, 1, (64, 2)).astype("float32")
y = np.sin(3 * x[:, :1]) * np.cos(2 * x[:, 1:])
model.fit(x, y.astype("float32"), epochs=2, batch_size=16, verbose=0)
