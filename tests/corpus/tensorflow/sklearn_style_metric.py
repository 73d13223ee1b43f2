# gradrepl-corpus: target=model.trainable_variables cause=numpy_roundtrip line=11 symptom=error
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((5,)), tf.keras.layers.Dense(1, activation="sigmoid")])
opt = tf.keras.optimizers.Adam()
x = tf.random.normal((40, 5))
y = np.random.randint(0, 2, size=(40, 1)).astype("float32")

with tf.GradientTape() as tape:
    probs = np.array(model(x))
    bce = -np.mean(y * np.log(probs + 1e-7) + (1 - y) * np.log(1 - probs + 1e-7))
    loss = tf.Variable(bce, dtype=tf.float32)
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
