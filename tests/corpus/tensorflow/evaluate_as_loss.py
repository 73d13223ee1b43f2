# gradrepl-corpus: target=model.trainable_variables cause=python_value_roundtrip line=12 symptom=error
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1)])
model.compile(loss="mse")
opt = tf.keras.optimizers.Adam(1e-2)
x = np.random.rand(16, 4).astype("float32")
y = np.random.rand(16, 1).astype("float32")

with tf.GradientTape() as tape:
    loss = model.evaluate(x, y, verbose=0)
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
