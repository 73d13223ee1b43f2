# gradrepl-corpus: target=model.trainable_variables cause=numpy_roundtrip line=11 symptom=error
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((5,)), tf.keras.layers.Dense(3, activation="softmax")])
opt = tf.keras.optimizers.Adam(1e-2)
x = tf.random.normal((10, 5))
y = tf.one_hot(tf.random.uniform((10,), 0, 3, dtype=tf.int32), 3)

with tf.GradientTape() as tape:
    probs = np.clip(model(x), 1e-7, 1.0 - 1e-7)
    loss = -tf.reduce_mean(tf.reduce_sum(y * tf.math.log(probs), axis=1))
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
