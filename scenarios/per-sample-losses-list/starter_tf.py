"""Weighted regression: weigh each sample's loss, then average."""
import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
x = tf.random.normal([8, 2])
y = x[:, :1] * 3.0 - x[:, 1:] + 0.5
sample_weight = tf.linspace(0.5, 1.5, 8)
model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])

with tf.GradientTape() as tape:
    losses = []
    for i in range(8):
        err = model(x[i : i + 1]) - y[i]
        losses.append(float(sample_weight[i] * tf.reduce_sum(err**2)))
    loss = tf.reduce_mean(losses)
grads = tape.gradient(loss, model.trainable_variables)
print("loss:", float(loss))
print("kernel grad:", grads[0])
