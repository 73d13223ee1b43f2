# gradrepl-corpus: target=model.trainable_variables cause=none
import numpy as np
import tensorflow as tf

vocab, seq = 50, 7
model = tf.keras.Sequential([
    tf.keras.Input((seq,), dtype="int32"),
    tf.keras.layers.Embedding(vocab, 8),
    tf.keras.layers.GlobalAveragePooling1D(),
    tf.keras.layers.Dense(2),
])
opt = tf.keras.optimizers.Adam(1e-3)
ids = tf.constant(np.random.randint(0, vocab, size=(12, seq)), dtype=tf.int32)
counts = tf.cast(tf.reduce_sum(tf.cast(ids > 25, tf.int32), axis=1), tf.float32)
labels = tf.cast(counts > 3.0, tf.int32)
with tf.GradientTape() as tape:
    logits = model(ids, training=True)
    loss = tf.reduce_mean(tf.keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True))
grads = tape.gradient(loss, model.trainable_variables)
opt.apply_gradients(zip(grads, model.trainable_variables))
