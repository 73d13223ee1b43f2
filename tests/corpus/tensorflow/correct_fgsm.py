# gradrepl-corpus: target=image cause=none
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((8, 8, 1)), tf.keras.layers.Flatten(), tf.keras.layers.Dense(10)])
loss_object = tf.keras.losses.CategoricalCrossentropy(from_logits=True)
image = tf.cast(np.random.rand(1, 8, 8, 1), tf.float32)
label = tf.one_hot([3], 10)

with tf.GradientTape() as tape:
    tape.watch(image)
    loss = loss_object(label, model(image))
gradient = tape.gradient(loss, image)
adversarial = tf.clip_by_value(image + 0.01 * tf.sign(gradient), 0.0, 1.0)
print(float(tf.reduce_max(tf.abs(adversarial - image))))
