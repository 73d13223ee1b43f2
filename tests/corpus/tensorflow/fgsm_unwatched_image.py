# gradrepl-corpus: target=image cause=constant_not_watched line=9 symptom=error
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((8, 8, 1)), tf.keras.layers.Flatten(), tf.keras.layers.Dense(10)])
loss_object = tf.keras.losses.CategoricalCrossentropy(from_logits=True)

raw = np.random.rand(1, 8, 8, 1)
image = tf.cast(raw, tf.float32)
label = tf.one_hot([3], 10)

with tf.GradientTape() as tape:
    prediction = model(image)
    loss = loss_object(label, prediction)
gradient = tape.gradient(loss, image)
signed_grad = tf.sign(gradient)
