# gradrepl-corpus: target=img cause=int_dtype line=12 symptom=grad_none
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([
    tf.keras.Input((6, 6, 3)),
    tf.keras.layers.Conv2D(2, 3, activation="relu"),
    tf.keras.layers.GlobalAveragePooling2D(),
    tf.keras.layers.Dense(5),
])
pixels = np.random.randint(0, 256, size=(1, 6, 6, 3), dtype=np.uint8)
img = tf.convert_to_tensor(pixels)

with tf.GradientTape() as tape:
    tape.watch(img)
    scores = model(tf.cast(img, tf.float32) / 255.0)
    top = tf.reduce_max(scores)
saliency = tape.gradient(top, img)
print(saliency)
