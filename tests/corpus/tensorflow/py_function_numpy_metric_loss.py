# gradrepl-corpus: target=model.trainable_variables cause=numpy_roundtrip line=7 symptom=error
import numpy as np
import tensorflow as tf


def soft_rank_error(pred):
    values = pred.numpy().ravel()
    order = np.argsort(np.argsort(values))
    return np.float32(np.mean((order - values) ** 2))


model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.Adam(0.01)
x = tf.random.normal((12, 3))
with tf.GradientTape() as tape:
    pred = model(x)
    loss = tf.py_function(soft_rank_error, [pred], tf.float32)
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
