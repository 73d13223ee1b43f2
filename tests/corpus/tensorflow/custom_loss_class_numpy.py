# gradrepl-corpus: target=model.trainable_variables cause=numpy_roundtrip line=9 symptom=error
import numpy as np
import tensorflow as tf


class LogCosh(tf.keras.losses.Loss):
    def call(self, y_true, y_pred):
        diff = y_pred - y_true
        return np.log(np.cosh(diff))


model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=LogCosh())
x = np.random.rand(24, 3).astype("float32")
y = np.random.rand(24, 1).astype("float32")
model.fit(x, y, epochs=1, batch_size=8, verbose=0)
