# gradrepl-corpus: target=model.trainable_variables cause=numpy_roundtrip line=12 symptom=error
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(4, activation="tanh"), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.Adam(1e-2)
x = np.random.rand(32, 4).astype("float32")
y = np.random.rand(32, 1).astype("float32")

for epoch in range(2):
    with tf.GradientTape() as tape:
        pred = model.predict(x, verbose=0)
        loss = tf.reduce_mean(tf.square(pred - y))
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
