# gradrepl-corpus: target=model.trainable_variables cause=none
import numpy as np
import tensorflow as tf

model = tf.keras.Sequential([tf.keras.Input((6,)), tf.keras.layers.Dense(3)])
opt = tf.keras.optimizers.Adam(1e-3)
x = tf.random.normal((30, 6))
y = tf.constant(np.random.choice(3, size=30, p=[0.7, 0.2, 0.1]))
with tf.GradientTape() as tape:
    counts = np.bincount(y.numpy(), minlength=3)
    class_w = tf.constant(len(counts) * counts.sum() / (len(counts) * np.maximum(counts, 1) * 3.0), dtype=tf.float32)
    logits = model(x, training=True)
    per = tf.keras.losses.sparse_categorical_crossentropy(y, logits, from_logits=True)
    loss = tf.reduce_mean(per * tf.gather(class_w, y))
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
