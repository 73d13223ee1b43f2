# gradrepl-corpus: target=model.trainable_variables cause=none
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(1, activation="sigmoid")])
opt = tf.keras.optimizers.Adam(1e-2)
x = tf.random.normal((20, 4))
y = tf.cast(tf.random.uniform((20, 1)) > 0.5, tf.float32)
for _ in range(2):
    with tf.GradientTape() as tape:
        p = model(x, training=True)
        # focal-style weights are constants on purpose
        weights = np.power(1.0 - np.abs(y.numpy() - p.numpy()), 2.0).astype("float32")
        bce = tf.keras.losses.binary_crossentropy(y, p)
        loss = tf.reduce_mean(weights[:, 0] * bce)
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
