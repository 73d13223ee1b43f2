# gradrepl-corpus: target=model cause=none
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((3,)), tf.keras.layers.Dense(1)])
opt = tf.keras.optimizers.Adam(0.01)
x_all = np.random.rand(64, 3).astype("float32")
y_all = (x_all @ np.array([[1.0], [2.0], [-1.0]], dtype="float32"))
for epoch in range(2):
    idx = np.random.permutation(64)
    for start in range(0, 64, 16):
        xb = tf.constant(x_all[idx[start:start + 16]])
        yb = tf.constant(y_all[idx[start:start + 16]])
        with tf.GradientTape() as tape:
            pred = model(xb)
            loss = tf.reduce_mean((pred - yb) ** 2)
        grads = tape.gradient(loss, model.trainable_variables)
        opt.apply_gradients(zip(grads, model.trainable_variables))
        running = np.mean(pred.numpy())
    print(epoch, float(loss), running)
