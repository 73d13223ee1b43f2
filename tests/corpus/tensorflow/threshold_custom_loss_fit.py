# gradrepl-corpus: target=model.trainable_variables cause=non_differentiable_op line=7 symptom=error
import numpy as np
import tensorflow as tf


def f1_loss(y_true, y_pred):
    y_bin = tf.cast(y_pred > 0.5, tf.float32)
    tp = tf.reduce_sum(y_true * y_bin)
    fp = tf.reduce_sum((1.0 - y_true) * y_bin)
    fn = tf.reduce_sum(y_true * (1.0 - y_bin))
    return 1.0 - 2.0 * tp / (2.0 * tp + fp + fn + 1e-7)


model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss=f1_loss)
x = np.random.rand(40, 4).astype("float32")
y = (x.sum(axis=1, keepdims=True) > 2.0).astype("float32")
model.fit(x, y, epochs=1, batch_size=10, verbose=0)
