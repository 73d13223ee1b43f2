# gradrepl-corpus: target=raw cause=outside_tape line=9 symptom=grad_none
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((6,)), tf.keras.layers.Dense(4, activation="relu"), tf.keras.layers.Dense(1)])
raw = tf.constant(np.random.rand(5, 6) * 100.0, dtype=tf.float32)
mean = tf.reduce_mean(raw, axis=0)
std = tf.math.reduce_std(raw, axis=0) + 1e-6
features = (raw - mean) / std

with tf.GradientTape() as tape:
    tape.watch(raw)
    out = model(features)
    total = tf.reduce_sum(out)
sensitivity = tape.gradient(total, raw)
print(sensitivity)
