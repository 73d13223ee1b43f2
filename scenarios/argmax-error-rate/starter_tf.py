"""Train a classifier by minimising its error rate directly."""
import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
x = tf.random.normal([64, 4])
y = tf.cast(x[:, 0] + x[:, 1] > 0, tf.int64) + tf.cast(x[:, 2] > 1, tf.int64)
model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(3)])

with tf.GradientTape() as tape:
    logits = model(x)
    predictions = tf.argmax(logits, axis=1)
    loss = tf.reduce_mean(tf.cast(predictions != y, tf.float32))
grads = tape.gradient(loss, model.trainable_variables)
print("error rate:", float(loss))
print("first layer grad:", grads[0])
