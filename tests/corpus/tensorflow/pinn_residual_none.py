# gradrepl-corpus: target=net cause=constant_not_watched line=6 symptom=error
import numpy as np
import tensorflow as tf

net = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(8, activation="tanh"), tf.keras.layers.Dense(1)])
t = tf.convert_to_tensor(np.linspace(0.0, 2.0, 32).reshape(-1, 1), dtype=tf.float32)
opt = tf.keras.optimizers.Adam(1e-3)

with tf.GradientTape() as outer:
    with tf.GradientTape() as inner:
        u = net(t)
    du_dt = inner.gradient(u, t)
    residual = du_dt + u
    loss = tf.reduce_mean(residual ** 2)
grads = outer.gradient(loss, net.trainable_variables)
opt.apply_gradients(zip(grads, net.trainable_variables))
