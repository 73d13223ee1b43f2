# gradrepl-corpus: target=conv_out cause=unused_variable line=14 symptom=error
import numpy as np
import tensorflow as tf

inputs = tf.keras.Input((12, 12, 3))
h = tf.keras.layers.Conv2D(8, 3, activation="relu", name="last_conv")(inputs)
h = tf.keras.layers.GlobalAveragePooling2D()(h)
outputs = tf.keras.layers.Dense(5)(h)
model = tf.keras.Model(inputs, outputs)
conv_model = tf.keras.Model(model.inputs, model.get_layer("last_conv").output)

img = tf.convert_to_tensor(np.random.rand(1, 12, 12, 3), dtype=tf.float32)
with tf.GradientTape() as tape:
    conv_out = conv_model(img)
    tape.watch(conv_out)
    preds = model(img)
    class_score = preds[:, tf.argmax(preds[0])]
grads = tape.gradient(class_score, conv_out)
weights = tf.reduce_mean(grads, axis=(0, 1, 2))
