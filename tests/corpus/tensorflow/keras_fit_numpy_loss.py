# gradrepl-corpus: target=model.trainable_variables cause=numpy_roundtrip line=9 symptom=error
import numpy as np
import tensorflow as tf

tf.config.run_functions_eagerly(True)


def smape(y_true, y_pred):
    p = y_pred.numpy()
    t = y_true.numpy()
    value = np.mean(2.0 * np.abs(p - t) / (np.abs(p) + np.abs(t) + 1e-8))
    return tf.constant(value, dtype=tf.float32)


model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="adam", loss=smape)
x = np.random.rand(32, 3).astype("float32")
y = np.random.rand(32, 1).astype("float32")
model.fit(x, y, epochs=1, batch_size=16, verbose=0)
