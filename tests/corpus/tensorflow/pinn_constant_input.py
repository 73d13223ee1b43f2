# gradrepl-corpus: target=t cause=constant_not_watched line=6 symptom=error
import numpy as np
import tensorflow as tf

net = tf.keras.Sequential([tf.keras.Input((1,)), tf.keras.layers.Dense(16, activation="tanh"), tf.keras.layers.Dense(1)])
t = tf.constant(np.linspace(0.0, 1.0, 20).reshape(-1, 1), dtype=tf.float32)

with tf.GradientTape() as tape:
    u = net(t)
du_dt = tape.gradient(u, t)
residual = du_dt + u
