# gradrepl-corpus: target=model cause=non_differentiable_op line=8 symptom=error
import numpy as np
import tensorflow as tf


def soft_accuracy_loss(y_true, y_pred):
    y_true = tf.cast(tf.reshape(y_true, [-1]), tf.int64)
    hits = tf.cast(tf.equal(tf.argmax(y_pred, axis=-1), y_true), tf.float32)
    return 1.0 - tf.reduce_mean(hits)


model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3)])
model.compile(optimizer="sgd", loss=soft_accuracy_loss)
x = np.random.rand(30, 4).astype("float32")
y = np.random.randint(0, 3, size=(30, 1))
model.fit(x, y, epochs=1, verbose=0)
