# gradrepl-corpus: target=image cause=none
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.Input((8, 8, 1)),
    tf.keras.layers.Conv2D(4, 3, activation="relu"),
    tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(3),
])
pixels = np.random.randint(0, 256, size=(1, 8, 8, 1)).astype("uint8")
image = tf.cast(pixels, tf.float32) / 255.0
with tf.GradientTape() as tape:
    tape.watch(image)
    logits = model(image)
    score = logits[0, tf.argmax(logits[0])]
saliency = tf.reduce_max(tf.abs(tape.gradient(score, image)), axis=-1)
print(saliency.shape)
