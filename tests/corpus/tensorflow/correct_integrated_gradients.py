# gradrepl-corpus: target=path cause=none
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(6, activation="tanh"), tf.keras.layers.Dense(1)])
x = tf.constant([[0.5, -1.0, 2.0, 0.1]])
baseline = tf.zeros_like(x)
alphas = tf.reshape(tf.linspace(0.0, 1.0, 11), (-1, 1))
path = baseline + alphas * (x - baseline)
with tf.GradientTape() as tape:
    tape.watch(path)
    out = model(path)
grads = tape.gradient(out, path)
attributions = (x - baseline) * tf.reduce_mean(grads, axis=0)
print(attributions.numpy())
