# gradrepl-corpus: target=model cause=non_differentiable_op line=7 symptom=error
import numpy as np
import tensorflow as tf


def rounded_mae(y_true, y_pred):
    return tf.reduce_mean(tf.abs(y_true - tf.round(y_pred)))


model = tf.keras.Sequential([tf.keras.Input((2,)), tf.keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss=rounded_mae)
x = np.random.rand(24, 2).astype("float32")
y = np.round(x.sum(axis=1, keepdims=True))
model.fit(x, y, epochs=1, verbose=0)
