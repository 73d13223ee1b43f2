# gradrepl-corpus: target=model.trainable_variables cause=outside_tape line=12 symptom=error
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.layers.Dense(8, activation="relu"), tf.keras.layers.Dense(1)])
optimizer = tf.keras.optimizers.Adam(1e-3)
x = np.random.rand(16, 4).astype("float32")
y = np.random.rand(16, 1).astype("float32")
model(x)

for step in range(3):
    pred = model(x)
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(pred - y))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
