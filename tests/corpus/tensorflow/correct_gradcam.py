# gradrepl-corpus: target=conv_out cause=none
import numpy as np
import tensorflow as tf

inputs = tf.keras.Input((12, 12, 3))
h = tf.keras.layers.Conv2D(8, 3, activation="relu", name="last_conv")(inputs)
h = tf.keras.layers.GlobalAveragePooling2D()(h)
outputs = tf.keras.layers.Dense(5)(h)
model = tf.keras.Model(inputs, outputs)

grad_model = tf.keras.Model(model.inputs, [model.get_layer("last_conv").output, model.output])
img = tf.convert_to_tensor(np.random.rand(1, 12, 12, 3), dtype=tf.float32)
with tf.GradientTape() as tape:
    conv_out, preds = grad_model(img)
    class_score = preds[:, tf.argmax(preds[0])]
grads = tape.gradient(class_score, conv_out)
weights = tf.reduce_mean(grads, axis=(0, 1, 2))
heatmap = tf.nn.relu(tf.reduce_sum(conv_out[0] * weights, axis=-1))
print(heatmap.shape)
